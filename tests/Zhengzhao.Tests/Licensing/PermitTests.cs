using Zhengzhao.Catalog;
using Zhengzhao.Licensing;

namespace Zhengzhao.Tests.Licensing;

/// <summary>The permit's status (expiry derived from the date), its transitions and the ones it refuses.</summary>
public sealed class PermitTests
{
    private static readonly DateOnly Issued = new(2026, 11, 26);

    private static readonly PinnedItem Item = new("SL-014", 2, "食品经营许可", "XZ-SYJ", ReformMode.Transparent, new ClockLimits(20, 15), 10, ["申请书"], ["申请书"], []);

    private static Permit Issue(int? years = 5, int window = 30) =>
        new("XZ-SYJ-2026-000001", PermitKind.Permit, "91540172MA6T2K8P0X", "拉萨雪域味道餐饮管理有限公司", Item, new PermitTerms("食品经营许可证", "热食类食品制售", years, window), Issued, Guid.CreateVersion7(), "approver");

    [Fact]
    public void A_permit_is_valid_through_its_last_day_and_expired_the_day_after_without_anything_stored()
    {
        var permit = Issue(years: 5);

        Assert.Equal(new DateOnly(2031, 11, 25), permit.ValidTo);
        Assert.Equal(PermitState.Valid, permit.StateOn(new DateOnly(2031, 11, 25)));
        Assert.Equal(PermitState.Expired, permit.StateOn(new DateOnly(2031, 11, 26)));
        Assert.Equal(PermitStatus.Valid, permit.Status);
    }

    [Fact]
    public void A_long_term_permit_never_expires_and_needs_no_renewal()
    {
        var permit = Issue(years: null);

        Assert.Null(permit.ValidTo);
        Assert.Equal(PermitState.Valid, permit.StateOn(new DateOnly(2099, 1, 1)));
        Assert.Equal("licensing/long-term", permit.Renew("准予延续", "approver", Issued).Refusal!.Type);
    }

    [Fact]
    public void A_revoked_permit_keeps_the_reason_date_and_officer_and_cannot_be_revoked_or_cancelled_again()
    {
        var permit = Issue();
        var on = Issued.AddDays(40);

        Assert.True(permit.Revoke("经核查，告知承诺内容不实", "approver", on).IsSuccess);

        Assert.Equal((PermitState.Revoked, new PermitEnding("经核查，告知承诺内容不实", on, "approver")), (permit.StateOn(on), permit.Ending));
        Assert.Equal("licensing/permit-wrong-state", permit.Revoke("再次撤销", "approver", on).Refusal!.Type);
        Assert.Equal("licensing/permit-wrong-state", permit.Cancel("注销", "approver", on).Refusal!.Type);
        Assert.Equal("licensing/permit-wrong-state", permit.Change("新名称有限公司", null, "更名", "approver", on).Refusal!.Type);
        Assert.Equal(1, permit.Revision);
    }

    [Fact]
    public void A_cancelled_permit_cannot_be_cancelled_twice_and_an_expired_one_may_still_be_cancelled()
    {
        var permit = Issue(years: 1);
        var afterExpiry = permit.ValidTo!.Value.AddDays(3);

        Assert.True(permit.Cancel("有效期届满未延续", "approver", afterExpiry).IsSuccess);

        Assert.Equal(PermitState.Cancelled, permit.StateOn(afterExpiry));
        Assert.Contains("已注销", permit.Cancel("有效期届满未延续", "approver", afterExpiry).Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Ending_a_permit_needs_a_reason()
    {
        var permit = Issue();

        var refusal = permit.Revoke("  ", "approver", Issued).Refusal!;

        Assert.Equal("licensing/reason-required", refusal.Type);
        Assert.Equal(PermitStatus.Valid, permit.Status);
    }

    [Fact]
    public void A_change_is_a_new_edition_under_the_same_number_and_the_old_text_is_kept()
    {
        var permit = Issue();

        Assert.True(permit.Change("拉萨雪域味道餐饮集团有限公司", null, "企业名称变更", "approver", Issued.AddDays(10)).IsSuccess);
        Assert.True(permit.Change(null, "热食类食品制售；冷食类食品制售", "增加经营项目", "approver", Issued.AddDays(20)).IsSuccess);

        Assert.Equal(("XZ-SYJ-2026-000001", 3, "拉萨雪域味道餐饮集团有限公司", "热食类食品制售；冷食类食品制售"), (permit.Number, permit.TextVersion, permit.HolderName, permit.Scope));
        Assert.Equal(["拉萨雪域味道餐饮管理有限公司", "拉萨雪域味道餐饮集团有限公司"], permit.History.Select(e => e.HolderName));
        Assert.Equal("licensing/nothing-changed", permit.Change(null, "热食类食品制售；冷食类食品制售", "无", "approver", Issued.AddDays(21)).Refusal!.Type);
    }

    [Fact]
    public void An_expired_permit_cannot_be_changed()
    {
        var permit = Issue(years: 1);

        var refusal = permit.Change("新名称有限公司", null, "更名", "approver", permit.ValidTo!.Value.AddDays(1)).Refusal!;

        Assert.Contains("已过期", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renewal_runs_on_from_the_last_valid_day_for_as_many_years_again()
    {
        var permit = Issue(years: 5);

        Assert.True(permit.Renew("准予延续", "approver", new DateOnly(2031, 11, 1)).IsSuccess);

        Assert.Equal((new DateOnly(2031, 11, 26), new DateOnly(2036, 11, 25), 2), (permit.ValidFrom, permit.ValidTo!.Value, permit.TextVersion));
        Assert.Equal(new DateOnly(2031, 11, 25), permit.History.Single().ValidTo);
    }
}
