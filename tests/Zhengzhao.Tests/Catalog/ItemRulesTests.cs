using Zhengzhao.Catalog;

namespace Zhengzhao.Tests.Catalog;

public sealed class ItemRulesTests
{
    [Fact]
    public void A_complete_item_of_each_kind_has_no_problems()
    {
        Assert.Empty(ItemRules.Validate(SampleItems.Transparent));
        Assert.Empty(ItemRules.Validate(SampleItems.Commitment));
    }

    public static TheoryData<string, ItemContent, string> Broken() => new()
    {
        { "committed above statutory", SampleItems.Transparent with { CommittedLimitDays = 25 }, "承诺时限" },
        { "no steps for a transparent item", SampleItems.Transparent with { Steps = [] }, "办理环节" },
        { "steps longer than the committed limit", SampleItems.Transparent with { Steps = [new("审查", 16, null)] }, "办理环节" },
        { "a commitment item without its letter", SampleItems.Commitment with { CommitmentLetterText = null }, "告知承诺书" },
        { "a commitment item without a verification window", SampleItems.Commitment with { VerificationWindowDays = null }, "核查期" },
        { "a letter on a non-commitment item", SampleItems.Transparent with { CommitmentLetterText = "x" }, "告知承诺书" },
        { "a conditional material without its condition", SampleItems.Transparent with { Materials = [new("委托书", MaterialForm.Original, 1, false, null)] }, "申请材料" },
        { "no materials", SampleItems.Transparent with { Materials = [] }, "申请材料" },
        { "no name", SampleItems.Transparent with { Name = " " }, "事项名称" },
        { "extension days without extension", SampleItems.Transparent with { ExtensionAllowed = false, ExtensionDays = 10 }, "延长时限" },
        { "a filing with a committed limit", SampleItems.Transparent with { Mode = ReformMode.Filing, Steps = [], StatutoryLimitDays = 5, CommittedLimitDays = 5 }, "承诺时限" },
        { "an undefined mode", SampleItems.Transparent with { Mode = (ReformMode)9 }, "改革方式" },
        { "an over-long name", SampleItems.Transparent with { Name = new string('长', 101) }, "事项名称" },
        { "over-long reform measures", SampleItems.Transparent with { ReformMeasures = new string('长', 2001) }, "具体改革举措" },
        { "a NUL in the service location", SampleItems.Transparent with { ServiceLocation = "政务服务中心\0" }, "办理地点" },
        { "a line break in the permit's name", SampleItems.Transparent with { PermitName = "许可证\n副本" }, "许可证件名称" },
        { "an over-long condition basis", SampleItems.Transparent with { Conditions = [new("具有固定场所", new string('长', 501))] }, "申请条件" },
        { "an over-long material condition", SampleItems.Transparent with { Materials = [new("委托书", MaterialForm.Original, 1, false, new string('长', 501))] }, "申请材料" },
        { "an over-long step description", SampleItems.Transparent with { Steps = [new("受理", 1, new string('长', 501)), new("审查", 1, null)] }, "办理环节" },
        { "an over-long fee basis", SampleItems.Transparent with { Fees = [new("工本费", "10元", new string('长', 501))] }, "收费" },
        { "an over-long commitment letter", SampleItems.Commitment with { CommitmentLetterText = new string('长', 10001) }, "告知承诺书" },
        { "a thousand scope phrases", SampleItems.Transparent with { ScopePhrases = [.. Enumerable.Range(0, 1000).Select(i => $"经营{i}")] }, "经营范围关键词" },
    };

    [Fact]
    public void A_text_too_long_is_named_once_with_its_maximum()
    {
        var problems = ItemRules.Validate(SampleItems.Transparent with { Conditions = [.. Enumerable.Repeat(new ItemCondition(new string('长', 501), null), 50)] });

        Assert.Equal("每项申请条件不超过500字（现为501字）。", Assert.Single(problems, p => p.Field == "申请条件").Reason);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_item_names_the_field_at_fault(string why, ItemContent item, string field)
    {
        var problems = ItemRules.Validate(item);

        Assert.True(problems.Any(p => p.Field == field), $"{why}: {string.Join("; ", problems)}");
    }
}
