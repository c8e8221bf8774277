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
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_item_names_the_field_at_fault(string why, ItemContent item, string field)
    {
        var problems = ItemRules.Validate(item);

        Assert.True(problems.Any(p => p.Field == field), $"{why}: {string.Join("; ", problems)}");
    }
}
