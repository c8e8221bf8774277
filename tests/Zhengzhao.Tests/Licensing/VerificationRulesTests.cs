using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Licensing;

/// <summary>Which permits owe a verification (核查), when it falls due, the draw of filings, and the worklist's due date.</summary>
public sealed class VerificationRulesTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    private static readonly DateOnly Day = new(2026, 11, 26);

    private static readonly ItemContent Content = new() { Name = "测试", DepartmentCode = "XZ-SYJ", LegalBasis = "依据", Mode = ReformMode.Commitment, VerificationWindowDays = 20 };

    private static Application Decided(ReformMode mode, ApplicationRoute route)
    {
        var item = new PinnedItem("SL-X", 1, "测试许可", "XZ-SYJ", mode, new ClockLimits(20, 0), 0, ["申请书"], ["申请书"], []);
        var application = new Application("91540172MA6T2K8P0X", "540172", item, route, "applicant", false);
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.SignCommitment(new CommitmentSignature(new string('a', 64), "扎西", DateTimeOffset.UnixEpoch, null));
        application.Submit("N-1", Day);
        return application;
    }

    private static Permit PermitOf(Application application) =>
        new("XZ-SYJ-2026-000001", PermitKind.Permit, application.Uscc, "拉萨雪域味道餐饮管理有限公司", application.Item, new PermitTerms("许可证", "全部", null, 30), Day, application.Id, "approver");

    [Fact]
    public void A_permit_granted_on_a_commitment_owes_a_verification_at_the_end_of_the_items_window()
    {
        var application = Decided(ReformMode.Commitment, ApplicationRoute.Commitment);

        var verification = Verification.For(application, PermitOf(application), Content, Shipped)!;

        Assert.Equal((VerificationKind.Commitment, new DateOnly(2026, 12, 24)), (verification.Kind, verification.DueOn));
        Assert.False(verification.IsOverdue(new DateOnly(2026, 12, 24)));
        Assert.True(verification.IsOverdue(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void An_ordinary_decision_owes_none_and_a_filing_owes_one_when_drawn()
    {
        var ordinary = Decided(ReformMode.Transparent, ApplicationRoute.Ordinary);
        var filing = Decided(ReformMode.Filing, ApplicationRoute.Ordinary);

        Assert.Null(Verification.For(ordinary, PermitOf(ordinary), Content with { Mode = ReformMode.Transparent }, Shipped));
        var check = Verification.For(filing, PermitOf(filing), Content with { Mode = ReformMode.Filing, VerificationWindowDays = null }, Shipped)!;
        Assert.Equal((VerificationKind.Filing, Shipped.AddWorkdays(Day, ItemContent.DefaultFilingCheckDays, "540172")), (check.Kind, check.DueOn));
    }

    [Fact]
    public void The_draw_takes_the_items_share_and_is_the_same_every_time()
    {
        var ids = Enumerable.Range(0, 4000).Select(i => new Guid(i, 7, 7, [1, 2, 3, 4, 5, 6, 7, (byte)(i % 256)])).ToList();

        var drawn = ids.Count(id => VerificationTerms.Drawn(id, 25));

        Assert.InRange(drawn, 850, 1150);
        Assert.All(ids.Take(50), id => Assert.Equal(VerificationTerms.Drawn(id, 25), VerificationTerms.Drawn(id, 25)));
        Assert.All(ids.Take(50), id => Assert.True(VerificationTerms.Drawn(id, 100)));
        Assert.DoesNotContain(ids, id => VerificationTerms.Drawn(id, 0));
    }

    [Fact]
    public void A_verification_is_concluded_once_with_its_findings()
    {
        var application = Decided(ReformMode.Commitment, ApplicationRoute.Commitment);
        var verification = Verification.For(application, PermitOf(application), Content, Shipped)!;

        Assert.Equal("licensing/findings-required", verification.Conclude(VerificationOutcome.False, "  ", [], "inspector", Day).Refusal!.Type);
        Assert.Equal("licensing/invalid-outcome", verification.Conclude((VerificationOutcome)9, "记录", [], "inspector", Day).Refusal!.Type);
        Assert.True(verification.Conclude(VerificationOutcome.False, "场所不存在", [], "inspector", Day).IsSuccess);
        Assert.Equal("licensing/verification-concluded", verification.Conclude(VerificationOutcome.Consistent, "复核", [], "inspector", Day).Refusal!.Type);

        Assert.Equal((VerificationOutcome.False, "场所不存在", 1), (verification.Outcome!.Value, verification.Findings!, verification.Revision));
        Assert.False(verification.IsOverdue(new DateOnly(2027, 1, 30)));
    }

    [Fact]
    public void The_worklist_due_date_is_the_acceptance_limit_then_the_committed_limit_and_none_once_closed()
    {
        var item = new PinnedItem("SL-X", 1, "测试许可", "XZ-SYJ", ReformMode.Transparent, new ClockLimits(20, 10), 0, ["申请书"], ["申请书"], []);
        var application = new Application("91540172MA6T2K8P0X", "540172", item, ApplicationRoute.Ordinary, "applicant", false);
        application.AttachMaterial("申请书", Guid.NewGuid());
        application.Reschedule(Shipped, Day);
        Assert.Null(application.DueOn);

        application.Submit("N-1", Day);
        application.Reschedule(Shipped, Day);
        Assert.Equal(new DateOnly(2026, 12, 3), application.DueOn);

        application.RequestSupplement("clerk", [new MissingMaterial("申请书", "未盖章")], Day);
        application.Reschedule(Shipped, Day);
        Assert.Null(application.DueOn);

        application.AttachMaterial("申请书", Guid.NewGuid());
        application.CompleteSupplement(Day.AddDays(4));
        application.Accept("clerk", Day.AddDays(4));
        application.Reschedule(Shipped, Day.AddDays(4));
        Assert.Equal(new DateOnly(2026, 12, 14), application.DueOn);

        application.Withdraw(Day.AddDays(5));
        application.Reschedule(Shipped, Day.AddDays(5));
        Assert.Null(application.DueOn);
    }
}
