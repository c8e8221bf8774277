using Zhengzhao.Credit;

namespace Zhengzhao.Tests.Credit;

/// <summary>信用修复: when each kind of entry may be repaired, and a decision made once.</summary>
public sealed class CreditRepairTests
{
    private static readonly DateOnly Since = new(2026, 2, 28);

    [Theory]
    [InlineData(RepairTarget.AbnormalListing, null, "2026-02-28")]
    [InlineData(RepairTarget.CommitmentBreach, null, "2026-02-28")]
    [InlineData(RepairTarget.SeriousListing, null, "2027-02-28")]
    [InlineData(RepairTarget.Penalty, PenaltyMeasure.Warning, "2026-05-28")]
    [InlineData(RepairTarget.Penalty, PenaltyMeasure.Fine, "2027-02-28")]
    [InlineData(RepairTarget.Penalty, PenaltyMeasure.PermitSanction, "2027-02-28")]
    public void Each_entry_may_be_repaired_from_its_own_day(RepairTarget target, PenaltyMeasure? measure, string from)
    {
        var eligible = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(eligible, RepairRules.EligibleFrom(target, Since, measure));
        Assert.Null(RepairRules.TooEarly(target, Since, eligible, measure));
        if (eligible > Since)
        {
            Assert.Equal("credit/repair-too-early", RepairRules.TooEarly(target, Since, eligible.AddDays(-1), measure)?.Type);
        }
    }

    [Fact]
    public void A_repair_is_decided_once_and_no_longer_blocks_a_new_application_once_decided()
    {
        var repair = new CreditRepair("91540172MA6TAB01X0", "拉萨测试有限公司", RepairTarget.Penalty, Guid.NewGuid(), "行政处罚：1号", "XZ-XWGD", "已改正", [Guid.NewGuid()], "applicant", Since);
        Assert.Equal(repair.TargetId, repair.OpenTargetId);

        Assert.True(repair.Decide(approve: false, "材料不全", "approver", Since.AddDays(3)).IsSuccess);

        Assert.Equal((RepairState.Rejected, (Guid?)null), (repair.State, repair.OpenTargetId));
        Assert.Equal("credit/repair-decided", repair.Decide(approve: true, "改判", "approver", Since.AddDays(4)).Refusal?.Type);
    }

    [Fact]
    public void A_penalty_is_published_three_years_unless_repair_ends_it_earlier_and_only_once()
    {
        var penalty = new Penalty("藏新广罚〔2026〕1号", "91540172MA6TAB01X0", "XZ-XWGD", "依据", "事实", PenaltyMeasure.Warning, null, Since, "approver");
        Assert.Equal(new DateOnly(2029, 2, 28), penalty.PublicUntil);

        Assert.True(penalty.EndPublicity(new DateOnly(2026, 6, 1)).IsSuccess);

        Assert.Equal(new DateOnly(2026, 6, 1), penalty.PublicUntil);
        Assert.Equal("credit/publicity-ended", penalty.EndPublicity(new DateOnly(2026, 6, 2)).Refusal?.Type);
    }

    [Fact]
    public void A_false_commitment_is_repaired_once()
    {
        var breach = new CommitmentBreach("91540172MA6TAB01X0", "SL-010", Guid.NewGuid(), "不符", "approver", Since);

        Assert.True(breach.Repair(Since.AddDays(10)).IsSuccess);

        Assert.Equal("credit/already-repaired", breach.Repair(Since.AddDays(11)).Refusal?.Type);
    }
}
