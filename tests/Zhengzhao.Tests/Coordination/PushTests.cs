using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Tests.Calendar;

namespace Zhengzhao.Tests.Coordination;

public sealed class PushTests
{
    private static readonly WorkCalendar Shipped = ShippedCalendar.Instance;

    private static Push NewPush(DateOnly pushedOn) => new("91540172MA6T2K8P0X", "SL-014", "XZ-SYJ", "XZ-SWT", "540172", ReformMode.Transparent, "evt", pushedOn);

    private static readonly DateOnly Day = new(2026, 11, 3);

    [Fact]
    public void A_pending_push_is_claimed_once()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.True(push.Claim("officer-a", new DateOnly(2026, 11, 3)).IsSuccess);
        Assert.Equal(PushState.Claimed, push.State);
        Assert.Equal("coordination/wrong-state", push.Claim("officer-b", new DateOnly(2026, 11, 4)).Refusal!.Type);
        Assert.Equal("coordination/wrong-state", push.Return(ReturnReason.NotOurArea, null, "officer-b", new DateOnly(2026, 11, 4)).Refusal!.Type);
        Assert.Equal("officer-a", push.AnsweredBy);
    }

    [Fact]
    public void A_return_needs_a_known_reason_and_a_short_remark()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.Equal("coordination/invalid-reason", push.Return((ReturnReason)9, null, "o", new DateOnly(2026, 11, 3)).Refusal!.Type);
        Assert.Equal("coordination/remark-too-long", push.Return(ReturnReason.NotOurRemit, new string('字', 501), "o", new DateOnly(2026, 11, 3)).Refusal!.Type);
        Assert.Equal(PushState.Pending, push.State);

        Assert.True(push.Return(ReturnReason.NotOurRemit, "  应由卫生部门办理  ", "o", new DateOnly(2026, 11, 3)).IsSuccess);
        Assert.Equal("应由卫生部门办理", push.ReturnRemark);
    }

    [Theory]
    [InlineData("2023-09-20", "2023-09-29", TrafficLight.Green)] // 6 working days
    [InlineData("2023-09-25", "2023-10-10", TrafficLight.Green)] // the National Day week does not count: 3 + 2 (make-up weekend) + 2 = 7
    [InlineData("2023-09-25", "2023-10-12", TrafficLight.Yellow)] // 9
    [InlineData("2023-09-25", "2023-10-16", TrafficLight.Red)] // 11
    [InlineData("2023-02-10", "2023-02-24", TrafficLight.Green)] // in Lhasa: 5 + the worked weekend 2, then the Tibetan New Year week off
    public void The_claim_light_counts_working_days_of_the_companys_region(string pushed, string asOf, TrafficLight expected)
    {
        var light = PushRules.Timeliness(Shipped, "540172", DateOnly.Parse(pushed, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, light);
    }

    [Fact]
    public void A_claimed_push_keeps_the_light_it_had_when_claimed()
    {
        var push = NewPush(new DateOnly(2023, 9, 20));
        push.Claim("o", new DateOnly(2023, 9, 22));

        Assert.Equal(TrafficLight.Green, push.TimelinessOn(Shipped, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public void Feedback_on_a_pending_push_claims_it_and_a_final_outcome_closes_the_loop()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.True(push.Feedback(FeedbackOutcome.Granted, " JY15401720001234 ", null, "officer", Day).IsSuccess);

        Assert.Equal(PushState.Claimed, push.State);
        Assert.Equal(Day, push.AnsweredOn);
        Assert.Equal("JY15401720001234", push.PermitNumber);
        Assert.Equal(Day, push.LoopClosedOn);
        Assert.False(push.IsLoopOpen);
        Assert.Equal("coordination/wrong-state", push.Feedback(FeedbackOutcome.Refused, null, null, "officer", Day).Refusal!.Type);
    }

    [Fact]
    public void Applying_keeps_the_loop_open_until_a_final_outcome()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));
        push.Claim("officer", Day);

        Assert.True(push.Feedback(FeedbackOutcome.Applying, null, "已网上申报", "officer", Day).IsSuccess);
        Assert.True(push.IsLoopOpen);
        Assert.True(push.Feedback(FeedbackOutcome.Unreachable, null, null, "officer", Day.AddDays(7)).IsSuccess);
        Assert.Equal(Day.AddDays(7), push.LoopClosedOn);
        Assert.Null(push.OutcomeNote);
    }

    [Theory]
    [InlineData(FeedbackOutcome.Granted, null, null, "coordination/permit-number-required")]
    [InlineData(FeedbackOutcome.Granted, "   ", null, "coordination/permit-number-required")]
    [InlineData(FeedbackOutcome.NotNeeded, null, " ", "coordination/reason-required")]
    [InlineData((FeedbackOutcome)42, null, null, "coordination/invalid-outcome")]
    public void Feedback_needs_what_its_outcome_calls_for(FeedbackOutcome outcome, string? permit, string? remark, string refusal)
    {
        var push = NewPush(new DateOnly(2026, 11, 2));

        Assert.Equal(refusal, push.Feedback(outcome, permit, remark, "officer", Day).Refusal!.Type);
        Assert.Equal(PushState.Pending, push.State);
        Assert.Null(push.Outcome);
    }

    [Fact]
    public void A_returned_push_is_redispatched_to_another_department_which_carries_the_loop()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));
        Assert.Equal("coordination/wrong-state", push.Redispatch("XZ-WJW", "registrar", Day).Refusal!.Type);
        push.Return(ReturnReason.NotOurRemit, "应由卫生部门审批", "officer", Day);

        Assert.Equal("coordination/same-department", push.Redispatch("XZ-SYJ", "registrar", Day).Refusal!.Type);
        var next = push.Redispatch("XZ-WJW", "registrar", Day.AddDays(1)).Value!;

        Assert.Equal(PushState.Redispatched, push.State);
        Assert.Equal("XZ-WJW", push.RedispatchedTo);
        Assert.False(push.IsLoopOpen);
        Assert.Equal((PushState.Pending, "XZ-WJW", push.Id, Day.AddDays(1), "XZ-SWT"), (next.State, next.DepartmentCode, next.RedispatchedFrom!.Value, next.PushedOn, next.IndustryAuthorityCode!));
        Assert.Equal((push.Uscc, push.ItemCode, push.RegionCode, push.EventId), (next.Uscc, next.ItemCode, next.RegionCode, next.EventId));
        Assert.True(next.IsLoopOpen);
    }

    [Fact]
    public void Only_a_returned_push_is_closed_and_only_with_a_reason()
    {
        var push = NewPush(new DateOnly(2026, 11, 2));
        Assert.Equal("coordination/wrong-state", push.Close("无需办理", "registrar", Day).Refusal!.Type);
        push.Return(ReturnReason.NotInScope, null, "officer", Day);

        Assert.Equal("coordination/reason-required", push.Close("  ", "registrar", Day).Refusal!.Type);
        Assert.Equal("coordination/remark-too-long", push.Close(new string('字', 501), "registrar", Day).Refusal!.Type);
        Assert.True(push.Close("经营范围仅为预包装食品展示，不涉及销售", "registrar", Day).IsSuccess);
        Assert.Equal((PushState.Closed, Day), (push.State, push.LoopClosedOn!.Value));
    }

    [Fact]
    public void A_loop_falls_due_after_the_claim_window_and_the_committed_limit_in_working_days()
    {
        // Pushed on Friday 2023-09-22; 10 + 5 working days: four to 09-28, the Mid-Autumn and National Day break
        // (09-29 to 10-06) skipped, the make-up weekend 10-07/08 counted, then nine more to Thursday 10-19.
        var due = PushRules.LoopDueOn(Shipped, "540172", new DateOnly(2023, 9, 22), 5);

        Assert.Equal(new DateOnly(2023, 10, 19), due);
    }
}
