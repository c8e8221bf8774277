using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Licensing;

namespace Zhengzhao.Tests.Licensing;

/// <summary>The letters an application gives the applicant: what each says, and that none exists before its act.</summary>
public sealed class ApplicationLettersTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static readonly LetterParties Parties = new(
        "拉萨雪域影城有限公司",
        "新闻出版广电局",
        DenialNotice.ReconsiderationBody("西藏自治区"),
        new Dictionary<string, string> { ["clerk-a"] = "卓玛", ["approver-a"] = "次仁", ["approver-b"] = "格桑" });

    private static readonly ClockReading Reading = new(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 16), 0, false, 10, false, false);

    private static readonly MissingMaterial[] Missing = [new("营业执照", "复印件模糊不清"), new("场所证明", "租赁合同已过期")];

    private static Application Submitted(ReformMode mode = ReformMode.Transparent, int steps = 2)
    {
        var item = new PinnedItem(
            "SL-X", 1, "电影放映单位设立审批", "XZ-XWGD", mode, new ClockLimits(20, 10), 10, ["申请书", "营业执照", "场所证明"], ["申请书", "营业执照", "场所证明"],
            [.. Enumerable.Range(1, steps).Select(i => new ItemStep($"环节{i}", 3, null))]);
        var application = new Application("91540172MA6T2K8P0X", "540172", item, ApplicationRoute.Ordinary, "applicant", filedAtWindow: false);
        foreach (var material in item.Materials)
        {
            application.AttachMaterial(material, Guid.NewGuid());
        }

        Assert.True(application.Submit("XZ-XWGD-2026-000042", Day).IsSuccess);
        return application;
    }

    private static Application Accepted(ReformMode mode = ReformMode.Transparent, int steps = 2)
    {
        var application = Submitted(mode, steps);
        Assert.True(application.Accept("clerk-a", Day).IsSuccess);
        return application;
    }

    private static Application Reviewed(ReformMode mode = ReformMode.Transparent)
    {
        var application = Accepted(mode);
        application.EndStep("approver-a", null, Day);
        application.EndStep("approver-a", null, Day);
        application.RecordAssessment(AssessmentKind.Risk, "风险评估", "一般风险", [], "approver-a", Day);
        application.RecordAssessment(AssessmentKind.OnSite, "现场核查", "与申报一致", [], "approver-a", Day);
        return application;
    }

    private static ApplicationLetter Letter(Application application, LetterRef kind)
    {
        var composed = ApplicationLetters.Compose(application, kind, Parties, application.AcceptedOn is null ? null : Reading);
        Assert.True(composed.IsSuccess, composed.Refusal?.Detail);
        return composed.Value!;
    }

    private static string Text(ApplicationLetter letter) =>
        string.Join("\n", letter.Body.SelectMany(p => new[] { p.Text }.Concat(p.List ?? [])));

    [Fact]
    public void An_acceptance_notice_gives_the_number_the_dates_the_deadlines_the_officer_and_how_to_follow()
    {
        var letter = Letter(Accepted(), LetterKind.Acceptance);
        var text = Text(letter);

        Assert.Equal(("受理通知书", "受字〔XZ-XWGD-2026-000042〕号", Day), (letter.Title, letter.Reference, letter.On));
        Assert.Equal(("拉萨雪域影城有限公司", "新闻出版广电局"), (letter.Addressee, letter.Issuer));
        Assert.Contains("“电影放映单位设立审批”行政许可申请（编号 XZ-XWGD-2026-000042）", text, StringComparison.Ordinal);
        Assert.Contains("第三十二条第一款第（五）项", text, StringComparison.Ordinal);
        Assert.Contains("受理日期为2026年11月2日", text, StringComparison.Ordinal);
        Assert.Contains("承诺于2026年11月16日前作出决定（承诺时限10个工作日）", text, StringComparison.Ordinal);
        Assert.Contains("法定办理期限至2026年11月30日（20个工作日）", text, StringComparison.Ordinal);
        Assert.Contains("首办责任人为卓玛", text, StringComparison.Ordinal);
        Assert.Contains("“我的申请”", text, StringComparison.Ordinal);
        Assert.Contains("环节2（3个工作日）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_is_told_with_its_reason_in_the_acceptance_notice()
    {
        var application = Accepted();
        Assert.True(application.Extend(5, "需现场核查放映设备", "approver-b", Day, Reading).IsSuccess);

        Assert.Contains("办理期限延长5个工作日，理由：需现场核查放映设备", Text(Letter(application, LetterKind.Acceptance)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplement_notification_lists_every_material_with_its_problem_once_and_for_all()
    {
        var application = Submitted();
        Assert.True(application.RequestSupplement("clerk-a", Missing, Day).IsSuccess);

        var letter = Letter(application, LetterKind.Supplement);
        var text = Text(letter);

        Assert.Equal(("补正告知书", "补字〔XZ-XWGD-2026-000042〕号", Day), (letter.Title, letter.Reference, letter.On));
        Assert.Equal(["营业执照：复印件模糊不清", "场所证明：租赁合同已过期"], letter.Body.SelectMany(p => p.List ?? []));
        Assert.Contains("第三十二条第一款第（四）项", text, StringComparison.Ordinal);
        Assert.Contains("一次性告知", text, StringComparison.Ordinal);
        Assert.Contains("不会就本申请再次要求补正", text, StringComparison.Ordinal);
        Assert.Contains("暂不受理、不计算办理期限", text, StringComparison.Ordinal);
        Assert.Contains("经办人：卓玛", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplement_asked_during_review_tells_that_the_clock_stops_until_it_is_complete()
    {
        var application = Accepted();
        Assert.True(application.RequestSupplement("approver-a", Missing, Day).IsSuccess);

        var text = Text(Letter(application, LetterKind.Supplement));

        Assert.Contains("办理期限暂停计算，自你单位补正全部材料之日起恢复计算", text, StringComparison.Ordinal);
        Assert.Contains("经办人：次仁", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_not_to_accept_gives_the_reason_and_the_remedies()
    {
        var application = Submitted();
        Assert.True(application.NotAccept("clerk-a", "申请事项不属于本机关职权范围（《中华人民共和国行政许可法》第三十二条第一款第（二）项）。", Day.AddDays(1)).IsSuccess);

        var letter = Letter(application, LetterKind.NotAccepted);
        var text = Text(letter);

        Assert.Equal(("不予受理决定书", "不受字〔XZ-XWGD-2026-000042〕号", Day.AddDays(1)), (letter.Title, letter.Reference, letter.On));
        Assert.Contains("本机关决定不予受理", text, StringComparison.Ordinal);
        Assert.Contains("申请事项不属于本机关职权范围", text, StringComparison.Ordinal);
        Assert.Contains("六十日内向西藏自治区人民政府申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_names_the_basis_the_decider_and_the_officer_who_signed_it_off()
    {
        var application = Reviewed(ReformMode.StrictAccess);
        Assert.True(application.Decide(true, "场所、设备和人员符合条件。", "approver-a", Day).IsSuccess);
        Assert.True(application.SignOff(true, "approver-b", Day.AddDays(2)).IsSuccess);

        var letter = Letter(application, LetterKind.Decision);
        var text = Text(letter);

        Assert.Equal(("准予行政许可决定书", "准字〔XZ-XWGD-2026-000042〕号", Day.AddDays(2)), (letter.Title, letter.Reference, letter.On));
        Assert.Contains("第三十八条第一款", text, StringComparison.Ordinal);
        Assert.Contains("本机关决定准予行政许可", text, StringComparison.Ordinal);
        Assert.Contains("审查意见：场所、设备和人员符合条件。", text, StringComparison.Ordinal);
        Assert.Contains("承办人：次仁；复核人：格桑", text, StringComparison.Ordinal);
        Assert.DoesNotContain("行政复议", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_gives_the_reasons_and_the_remedies()
    {
        var application = Reviewed();
        Assert.True(application.Decide(false, "放映设备未达到国家电影技术标准。", "approver-a", Day).IsSuccess);

        var letter = Letter(application, LetterKind.Decision);
        var text = Text(letter);

        Assert.Equal(("不予行政许可决定书", "不许字〔XZ-XWGD-2026-000042〕号"), (letter.Title, letter.Reference));
        Assert.Contains("决定不予行政许可", text, StringComparison.Ordinal);
        Assert.Contains("第三十八条第二款", text, StringComparison.Ordinal);
        Assert.Contains("放映设备未达到国家电影技术标准。", text, StringComparison.Ordinal);
        Assert.Contains("六十日内向西藏自治区人民政府申请行政复议", text, StringComparison.Ordinal);
        Assert.Contains("六个月内依法向人民法院提起行政诉讼", text, StringComparison.Ordinal);
        Assert.Contains("承办人：次仁", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commitment_decided_on_the_spot_says_so_and_warns_of_verification()
    {
        var item = new PinnedItem("SL-C", 1, "印刷经营许可", "XZ-XWGD", ReformMode.Commitment, new ClockLimits(20, 0), 0, ["申请书"], ["申请书"], [], "承诺书");
        var application = new Application("91540172MA6T2K8P0X", "540172", item, ApplicationRoute.Commitment, "applicant", filedAtWindow: false);
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.SignCommitment(new CommitmentSignature(new string('a', 64), "扎西", DateTimeOffset.UnixEpoch, null));
        Assert.True(application.Submit("XZ-XWGD-2026-000043", Day).IsSuccess);

        var decision = Text(Letter(application, LetterKind.Decision));
        var acceptance = Text(Letter(application, LetterKind.Acceptance));

        Assert.Contains("办理方式：告知承诺，当场办结。", decision, StringComparison.Ordinal);
        Assert.Contains("承诺不实的，依法撤销行政许可", decision, StringComparison.Ordinal);
        Assert.Contains("本事项承诺当场办结", acceptance, StringComparison.Ordinal);
        Assert.DoesNotContain("首办责任人", acceptance, StringComparison.Ordinal);
    }

    [Fact]
    public void No_letter_exists_before_its_act()
    {
        var submitted = Submitted();
        var awaitingSignOff = Reviewed(ReformMode.StrictAccess);
        Assert.True(awaitingSignOff.Decide(true, null, "approver-a", Day).IsSuccess);

        Assert.Empty(ApplicationLetters.Available(submitted));
        Assert.Equal([LetterKind.Acceptance], ApplicationLetters.Available(awaitingSignOff));
        foreach (var (application, kind) in new[] { (submitted, LetterKind.Acceptance), (submitted, LetterKind.Supplement), (submitted, LetterKind.NotAccepted), (submitted, LetterKind.Decision), (awaitingSignOff, LetterKind.Decision) })
        {
            var refusal = ApplicationLetters.Compose(application, kind, Parties, Reading).Refusal;
            Assert.Equal(("licensing/letter-unavailable", RefusalKind.NotFound), (refusal?.Type, refusal?.Kind));
        }
    }

    [Fact]
    public void The_letters_follow_the_application_as_it_goes()
    {
        var application = Submitted();
        application.RequestSupplement("clerk-a", Missing, Day);
        Assert.Equal([LetterKind.Supplement], ApplicationLetters.Available(application));

        foreach (var material in Missing)
        {
            application.AttachMaterial(material.Material, Guid.NewGuid());
        }

        application.CompleteSupplement(Day.AddDays(1));
        application.Accept("clerk-a", Day.AddDays(1));
        application.EndStep("approver-a", null, Day.AddDays(2));
        application.EndStep("approver-a", null, Day.AddDays(2));
        application.Decide(true, null, "approver-a", Day.AddDays(3));

        Assert.Equal([LetterKind.Acceptance, LetterKind.Supplement, LetterKind.Decision], ApplicationLetters.Available(application));
    }

    [Theory]
    [InlineData(LetterKind.Acceptance, "acceptance")]
    [InlineData(LetterKind.Supplement, "supplement")]
    [InlineData(LetterKind.NotAccepted, "not-accepted")]
    [InlineData(LetterKind.Decision, "decision")]
    public void Each_letter_has_its_slug_in_the_address(LetterKind kind, string slug)
    {
        Assert.Equal(slug, ApplicationLetters.Slug(kind));
        Assert.Equal(new LetterRef(kind), ApplicationLetters.FromSlug(slug));
    }

    [Fact]
    public void Each_pause_for_testing_expert_review_or_a_hearing_is_told_in_its_own_letter()
    {
        var application = Accepted();
        Assert.True(application.Pause(PauseKind.Testing, "送检放映设备安全性能", Day.AddDays(1)).IsSuccess);
        Assert.True(application.Resume(Day.AddDays(8)).IsSuccess);
        Assert.True(application.Pause(PauseKind.ExpertReview, null, Day.AddDays(9)).IsSuccess);

        Assert.Equal([LetterKind.Acceptance, new LetterRef(LetterKind.Pause, 1), new LetterRef(LetterKind.Pause, 2)], ApplicationLetters.Available(application));
        var testing = Letter(application, new LetterRef(LetterKind.Pause, 1));
        var review = Letter(application, new LetterRef(LetterKind.Pause, 2));

        Assert.Equal("办理期限暂停告知书（检验检测）", testing.Title);
        Assert.Equal("停字〔XZ-XWGD-2026-000042〕第1号", testing.Reference);
        Assert.Equal(Day.AddDays(1), testing.On);
        Assert.Contains("因本申请需要检验检测（送检放映设备安全性能），根据《中华人民共和国行政许可法》第四十五条的规定，检验检测所需时间不计入办理期限，本申请的办理期限自2026年11月3日起暂停计算。", Text(testing), StringComparison.Ordinal);
        Assert.Contains("检验检测已于2026年11月10日结束，办理期限自该日起恢复计算", Text(testing), StringComparison.Ordinal);
        Assert.Equal("停字〔XZ-XWGD-2026-000042〕第2号", review.Reference);
        Assert.Contains("专家评审结束之日起，办理期限恢复计算", Text(review), StringComparison.Ordinal);
        Assert.Equal("pause-2", ApplicationLetters.Slug(new LetterRef(LetterKind.Pause, 2)));
        Assert.Equal(new LetterRef(LetterKind.Pause, 2), ApplicationLetters.FromSlug("pause-2"));
        Assert.Equal("licensing/letter-unavailable", ApplicationLetters.Compose(application, new LetterRef(LetterKind.Pause, 3), Parties, Reading).Refusal?.Type);
    }

    [Fact]
    public void A_supplement_pause_is_told_by_the_supplement_notice_not_by_a_pause_letter()
    {
        var application = Accepted();
        Assert.True(application.RequestSupplement("approver-a", Missing, Day.AddDays(1)).IsSuccess);

        Assert.Equal([LetterKind.Acceptance, LetterKind.Supplement], ApplicationLetters.Available(application));
    }

    [Theory]
    [InlineData("permit")]
    [InlineData("Acceptance")]
    [InlineData("pause-0")]
    [InlineData("pause-x")]
    [InlineData("pause--1")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_slug_names_no_letter(string? slug) => Assert.Null(ApplicationLetters.FromSlug(slug));
}
