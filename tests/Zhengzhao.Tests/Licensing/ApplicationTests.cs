using Zhengzhao.Catalog;
using Zhengzhao.Licensing;

namespace Zhengzhao.Tests.Licensing;

/// <summary>The application's state machine, mode by mode, with the transitions it refuses.</summary>
public sealed class ApplicationTests
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    private static readonly CommitmentSignature Signed = new(new string('a', 64), "扎西", new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), "10.0.0.8");

    private static PinnedItem Item(ReformMode mode, int steps = 0, int extension = 10) => new(
        "SL-X", 1, "测试许可", "XZ-SYJ", mode, new ClockLimits(20, 10), extension, ["申请书", "营业执照", "场所证明"], ["申请书", "营业执照"],
        [.. Enumerable.Range(1, steps).Select(i => new ItemStep($"环节{i}", 3, null))]);

    private static Application Ready(ReformMode mode, int steps = 0, ApplicationRoute route = ApplicationRoute.Ordinary, bool atWindow = false)
    {
        var application = new Application("91540172MA6T2K8P0X", "540172", Item(mode, steps), route, atWindow ? "clerk-a" : "applicant", atWindow);
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.AttachMaterial("营业执照", Guid.NewGuid());
        return application;
    }

    /// <summary>A strict-access application under review with its risk assessment and on-site verification recorded.</summary>
    private static Application Assessed()
    {
        var application = Ready(ReformMode.StrictAccess);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);
        application.RecordAssessment(AssessmentKind.Risk, "按风险评估表评估", "一般风险", [], "officer-a", Day);
        application.RecordAssessment(AssessmentKind.OnSite, "现场查看经营场所", "与申报一致", [Guid.NewGuid()], "officer-a", Day);
        return application;
    }

    [Fact]
    public void A_filing_with_a_complete_checklist_is_recorded_at_once()
    {
        var filing = Ready(ReformMode.Filing);

        Assert.True(filing.Submit("N-1", Day).IsSuccess);

        Assert.Equal((ApplicationState.Filed, Day), (filing.State, filing.ClosedOn!.Value));
        Assert.Equal("licensing/wrong-state", filing.Accept("clerk", Day).Refusal!.Type);
    }

    [Fact]
    public void Only_materials_of_the_checklist_are_attached()
    {
        var application = Ready(ReformMode.Filing);

        Assert.Equal("licensing/unknown-material", application.AttachMaterial("身份证", Guid.NewGuid()).Refusal!.Type);
        Assert.True(application.AttachMaterial("场所证明", Guid.NewGuid()).IsSuccess);
        Assert.Equal(3, application.Materials.Count);
    }

    [Fact]
    public void An_incomplete_checklist_is_refused_with_every_missing_material()
    {
        var application = new Application("91540172MA6T2K8P0X", "540172", Item(ReformMode.Filing), ApplicationRoute.Ordinary, "applicant", false);

        var refusal = application.Submit("N-1", Day).Refusal!;

        Assert.Equal("licensing/materials-missing", refusal.Type);
        Assert.Contains("申请书、营业执照", refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Draft, application.State);
    }

    [Fact]
    public void A_signed_commitment_is_accepted_on_the_spot_and_decided_without_steps()
    {
        var application = Ready(ReformMode.Commitment, steps: 2, route: ApplicationRoute.Commitment);

        Assert.Equal("licensing/commitment-unsigned", application.Submit("N-1", Day).Refusal!.Type);
        Assert.True(application.SignCommitment(Signed).IsSuccess);
        Assert.True(application.Submit("N-1", Day).IsSuccess);
        Assert.Equal((ApplicationState.Accepted, Day), (application.State, application.AcceptedOn!.Value));
        Assert.True(application.Decide(true, null, "approver", Day).IsSuccess);

        Assert.Equal(ApplicationState.Approved, application.State);
        Assert.Equal("licensing/wrong-state", application.SignCommitment(Signed).Refusal!.Type);
    }

    [Fact]
    public void A_commitment_promised_on_the_spot_is_decided_on_the_signature()
    {
        var application = new Application("91540172MA6T2K8P0X", "540172", Item(ReformMode.Commitment) with { Limits = new ClockLimits(20, 0) }, ApplicationRoute.Commitment, "applicant", false);
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.AttachMaterial("营业执照", Guid.NewGuid());
        application.SignCommitment(Signed);

        Assert.True(application.Submit("N-1", Day).IsSuccess);

        Assert.Equal((ApplicationState.Approved, Application.OnTheSpotDecider, Day), (application.State, application.Decision!.DecidedBy, application.ClosedOn!.Value));
    }

    [Fact]
    public void Only_commitment_items_take_the_commitment_route()
    {
        var application = Ready(ReformMode.Transparent, route: ApplicationRoute.Commitment);

        Assert.Equal(ApplicationRoute.Ordinary, application.Route);
        Assert.Equal("licensing/wrong-state", application.SignCommitment(Signed).Refusal!.Type);
    }

    [Fact]
    public void A_transparent_application_is_decided_only_after_every_published_step()
    {
        var application = Ready(ReformMode.Transparent, steps: 2);
        application.Submit("N-1", Day);
        Assert.Equal("licensing/wrong-state", application.EndStep("approver", null, Day).Refusal!.Type);
        application.Accept("clerk-a", Day);

        Assert.Equal("licensing/steps-open", application.Decide(true, null, "approver", Day).Refusal!.Type);
        application.EndStep("reviewer", "材料齐全", Day.AddDays(1));
        application.EndStep("approver", null, Day.AddDays(2));
        Assert.Equal("licensing/no-step-left", application.EndStep("approver", null, Day.AddDays(2)).Refusal!.Type);
        Assert.Equal("licensing/reason-required", application.Decide(false, " ", "approver", Day.AddDays(3)).Refusal!.Type);
        Assert.True(application.Decide(false, "经营场所不符合卫生要求", "approver", Day.AddDays(3)).IsSuccess);

        Assert.Equal(["环节1", "环节2"], application.Steps.Select(s => s.Name));
        Assert.Equal(("reviewer", "材料齐全"), (application.Steps[0].Officer, application.Steps[0].Opinion!));
        Assert.Equal((ApplicationState.Denied, "经营场所不符合卫生要求"), (application.State, application.Decision!.Reasons));
    }

    [Fact]
    public void Strict_access_needs_a_second_officer_to_sign_off()
    {
        var application = Assessed();

        application.Decide(true, null, "officer-a", Day.AddDays(5));
        Assert.Equal(ApplicationState.AwaitingSignOff, application.State);
        Assert.Equal("licensing/same-officer", application.SignOff(true, "officer-a", Day.AddDays(6)).Refusal!.Type);
        Assert.True(application.SignOff(true, "officer-b", Day.AddDays(6)).IsSuccess);

        Assert.Equal((ApplicationState.Approved, "officer-a", "officer-b"), (application.State, application.Decision!.DecidedBy, application.Decision.SignedOffBy!));
    }

    [Fact]
    public void A_rejected_proposal_goes_back_to_review()
    {
        var application = Assessed();
        application.Decide(true, null, "officer-a", Day);

        Assert.True(application.SignOff(false, "officer-b", Day).IsSuccess);

        Assert.Equal(ApplicationState.Accepted, application.State);
        Assert.Null(application.Proposal);
    }

    [Fact]
    public void The_supplement_is_requested_once_with_every_item_and_pauses_the_clock_after_acceptance()
    {
        var application = Ready(ReformMode.Transparent);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);
        Assert.Equal("licensing/supplement-empty", application.RequestSupplement("approver", [], Day).Refusal!.Type);

        application.RequestSupplement("approver", [new("营业执照", "复印件不清晰"), new("申请书", "未加盖公章")], Day.AddDays(3));
        Assert.Equal("licensing/materials-missing", application.CompleteSupplement(Day.AddDays(5)).Refusal!.Type);
        application.AttachMaterial("营业执照", Guid.NewGuid());
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.CompleteSupplement(Day.AddDays(8));

        Assert.Equal(ApplicationState.Accepted, application.State);
        Assert.Equal([new ClockPause(PauseKind.Supplement, Day.AddDays(3), Day.AddDays(8), "申请人补正材料")], application.Pauses);
        Assert.Equal("licensing/second-supplement", application.RequestSupplement("approver", [new("申请书", "签名不符")], Day.AddDays(9)).Refusal!.Type);
    }

    [Fact]
    public void A_supplement_before_acceptance_returns_to_the_window_without_a_pause()
    {
        var application = Ready(ReformMode.Transparent, atWindow: true);
        application.Submit("N-1", Day);

        application.RequestSupplement("clerk-a", [new("营业执照", "已过期")], Day);
        application.AttachMaterial("营业执照", Guid.NewGuid());
        application.CompleteSupplement(Day.AddDays(1));

        Assert.Equal(ApplicationState.Submitted, application.State);
        Assert.Empty(application.Pauses);
    }

    [Fact]
    public void Not_accepting_needs_the_reason_and_its_basis()
    {
        var application = Ready(ReformMode.Transparent);
        application.Submit("N-1", Day);

        Assert.Equal("licensing/reason-required", application.NotAccept("clerk-a", "", Day).Refusal!.Type);
        Assert.True(application.NotAccept("clerk-a", "申请事项不属于本机关职权范围（《行政许可法》第三十二条第一款第二项）", Day).IsSuccess);
        Assert.Equal((ApplicationState.NotAccepted, Day), (application.State, application.ClosedOn!.Value));
        Assert.Equal("licensing/wrong-state", application.Withdraw(Day).Refusal!.Type);
    }

    [Fact]
    public void One_extension_within_the_items_length_with_a_reason_and_before_the_statutory_limit()
    {
        var application = Ready(ReformMode.Transparent);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);
        var running = new ClockReading(Day.AddDays(28), Day.AddDays(14), 0, false, 10, false, false);

        Assert.Equal("licensing/extension-too-long", application.Extend(11, "需现场核查", "head", Day, running).Refusal!.Type);
        Assert.Equal("licensing/reason-required", application.Extend(10, null, "head", Day, running).Refusal!.Type);
        Assert.Equal("licensing/extension-expired", application.Extend(10, "需现场核查", "head", Day, running with { PastStatutory = true }).Refusal!.Type);
        Assert.True(application.Extend(10, "需现场核查", "head", Day, running).IsSuccess);
        Assert.Equal("licensing/second-extension", application.Extend(5, "再延", "head", Day, running).Refusal!.Type);
        Assert.Equal(new ClockLimits(20, 10, 10), application.Limits);
    }

    [Fact]
    public void The_clock_pauses_once_at_a_time_and_a_decision_waits_for_it_to_restart()
    {
        var application = Ready(ReformMode.StrictAccess);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);

        Assert.Equal("licensing/invalid-pause", application.Pause(PauseKind.Supplement, null, Day).Refusal!.Type);
        Assert.True(application.Pause(PauseKind.ExpertReview, null, Day.AddDays(2)).IsSuccess);
        Assert.Equal("licensing/wrong-state", application.Pause(PauseKind.Testing, null, Day.AddDays(3)).Refusal!.Type);
        Assert.Equal("licensing/wrong-state", application.Decide(true, null, "officer-a", Day.AddDays(3)).Refusal!.Type);
        Assert.True(application.Resume(Day.AddDays(9)).IsSuccess);

        Assert.Equal(new ClockPause(PauseKind.ExpertReview, Day.AddDays(2), Day.AddDays(9), "专家评审"), application.Pauses.Single());
    }

    [Fact]
    public void The_first_responsible_officer_keeps_the_matter_until_a_recorded_hand_over()
    {
        var application = Ready(ReformMode.Transparent, atWindow: true);
        application.Submit("N-1", Day);
        application.Accept("clerk-b", Day);

        Assert.Equal("clerk-a", application.Owner);
        Assert.Equal("licensing/not-owner", application.HandOver("clerk-b", "clerk-c", byHead: false, toIsOfficer: true).Refusal!.Type);
        Assert.Equal("licensing/invalid-receiver", application.HandOver("clerk-a", "no-such-officer", byHead: false, toIsOfficer: false).Refusal!.Type);
        Assert.Equal("clerk-a", application.Owner);
        Assert.True(application.HandOver("clerk-a", "clerk-c", byHead: false, toIsOfficer: true).IsSuccess);
        Assert.Equal("clerk-c", application.Owner);
        Assert.Equal("licensing/invalid-receiver", application.HandOver("head", "clerk-c", byHead: true, toIsOfficer: true).Refusal!.Type);
        Assert.Equal("licensing/invalid-receiver", application.HandOver("clerk-c", " ", byHead: false, toIsOfficer: false).Refusal!.Type);
        Assert.True(application.HandOver("head", "clerk-d", byHead: true, toIsOfficer: true).IsSuccess);
        Assert.Equal("clerk-d", application.Owner);
    }

    [Fact]
    public void Strict_access_decides_only_after_its_assessments_each_recorded_once()
    {
        var application = Ready(ReformMode.StrictAccess);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);

        Assert.Equal([AssessmentKind.Risk, AssessmentKind.OnSite], application.AssessmentsOpen);
        Assert.Equal("licensing/assessments-open", application.Decide(true, null, "officer-a", Day).Refusal!.Type);
        Assert.Equal("licensing/invalid-assessment", application.RecordAssessment(AssessmentKind.Expert, "评审", "同意", [], "officer-a", Day).Refusal!.Type);
        Assert.Equal("licensing/assessment-empty", application.RecordAssessment(AssessmentKind.Risk, "评估", " ", [], "officer-a", Day).Refusal!.Type);
        Assert.True(application.RecordAssessment(AssessmentKind.Risk, "评估", "低风险", [], "officer-a", Day).IsSuccess);
        Assert.Equal("licensing/assessment-recorded", application.RecordAssessment(AssessmentKind.Risk, "再评", "低风险", [], "officer-a", Day).Refusal!.Type);
        Assert.True(application.RecordAssessment(AssessmentKind.OnSite, "现场", "一致", [], "officer-a", Day).IsSuccess);

        Assert.Empty(application.AssessmentsOpen);
        Assert.True(application.Decide(true, null, "officer-a", Day).IsSuccess);
    }

    [Fact]
    public void An_item_that_asks_for_expert_review_adds_it_and_other_modes_have_no_assessments()
    {
        var expert = new Application("91540172MA6T2K8P0X", "540172", Item(ReformMode.StrictAccess) with { ExpertReview = true }, ApplicationRoute.Ordinary, "applicant", false);
        var transparent = Ready(ReformMode.Transparent);
        transparent.Submit("N-2", Day);
        transparent.Accept("clerk-a", Day);

        Assert.Equal([AssessmentKind.Risk, AssessmentKind.OnSite, AssessmentKind.Expert], expert.AssessmentsOpen);
        Assert.Empty(transparent.AssessmentsOpen);
        Assert.Equal("licensing/wrong-state", transparent.RecordAssessment(AssessmentKind.Risk, "评估", "低", [], "officer-a", Day).Refusal!.Type);
    }

    [Fact]
    public void An_officer_asks_for_the_extension_once_and_the_heads_grant_clears_the_request()
    {
        var application = Ready(ReformMode.Transparent);
        application.Submit("N-1", Day);
        application.Accept("clerk-a", Day);
        var running = new ClockReading(Day.AddDays(28), Day.AddDays(14), 0, false, 10, false, false);

        Assert.Equal("licensing/no-extension-request", application.RefuseExtension().Refusal!.Type);
        Assert.Equal("licensing/extension-too-long", application.RequestExtension(11, "补测", "officer-a", Day).Refusal!.Type);
        Assert.Equal("licensing/reason-required", application.RequestExtension(5, " ", "officer-a", Day).Refusal!.Type);
        Assert.True(application.RequestExtension(5, "补测", "officer-a", Day).IsSuccess);
        Assert.Equal("licensing/extension-pending", application.RequestExtension(3, "再申请", "officer-a", Day).Refusal!.Type);
        Assert.True(application.RefuseExtension().IsSuccess);
        Assert.True(application.RequestExtension(5, "补测", "officer-a", Day).IsSuccess);
        Assert.True(application.Extend(5, "补测", "head", Day, running).IsSuccess);

        Assert.Null(application.ExtensionRequest);
        Assert.Equal("licensing/extension-pending", application.RequestExtension(3, "再申请", "officer-a", Day).Refusal!.Type);
    }

    [Fact]
    public void A_renewal_is_decided_by_its_permits_last_day_and_granted_by_law_after_it()
    {
        var lastDay = Day.AddDays(10);
        var renewal = new Application("91540172MA6T2K8P0X", "540172", Item(ReformMode.Filing) with { RequiredMaterials = [] }, ApplicationRoute.Ordinary, "applicant", false) { RenewsPermit = "XZ-SYJ-2021-000001", RenewalLastDay = lastDay };
        var late = new Application("91540172MA6T2K8P0X", "540172", Item(ReformMode.Transparent) with { RequiredMaterials = [], Steps = [] }, ApplicationRoute.Ordinary, "applicant", false) { RenewsPermit = "XZ-SYJ-2021-000002", RenewalLastDay = lastDay };
        renewal.Submit("N-1", Day);
        late.Submit("N-2", Day);
        late.Accept("clerk", Day);

        Assert.Equal(ApplicationState.Submitted, renewal.State);
        Assert.Equal("licensing/wrong-state", late.DeemRenewal(lastDay).Refusal!.Type);
        Assert.Equal("licensing/renewal-deemed", late.Decide(true, null, "officer", lastDay.AddDays(1)).Refusal!.Type);
        Assert.True(late.DeemRenewal(lastDay.AddDays(1)).IsSuccess);
        Assert.Equal((ApplicationState.Approved, Application.DeemedDecider, lastDay.AddDays(1)), (late.State, late.Decision!.DecidedBy, late.ClosedOn!.Value));
        Assert.Equal("licensing/wrong-state", late.DeemRenewal(lastDay.AddDays(2)).Refusal!.Type);
        Assert.Equal("licensing/wrong-state", Ready(ReformMode.Transparent).DeemRenewal(lastDay.AddDays(1)).Refusal!.Type);
    }
}
