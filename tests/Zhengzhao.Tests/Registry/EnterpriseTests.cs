using Zhengzhao.Registry;

namespace Zhengzhao.Tests.Registry;

/// <summary>The register's one lifecycle rule: a deregistered company is final.</summary>
public sealed class EnterpriseTests
{
    private static readonly DateTime At = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    private static readonly EnterpriseFacts Facts = new(
        "拉萨测试商贸有限公司", EnterpriseType.DomesticCompany, "格桑", "拉萨市城关区", "540102", "拉萨市城关区市场监督管理局",
        new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20), 100m, "一般项目：日用百货销售。");

    private static Enterprise Registered() => new(Uscc.Compose('9', '1', "540102", "MA6TER01"), Facts, "protected", "5401**********103X", "reg-1", At);

    [Fact]
    public void Deregistration_ends_the_company_and_is_kept_in_its_history()
    {
        var enterprise = Registered();

        var change = enterprise.Deregister(new DateOnly(2026, 11, 26), "股东会决议解散", "dereg-1", At);

        Assert.True(change.IsSuccess);
        Assert.Equal(EnterpriseStatus.Cancelled, enterprise.Status);
        Assert.Equal(("注销登记", "于 2026-11-26 注销登记，原因：股东会决议解散", "dereg-1"), (change.Value!.Kind, change.Value.Summary, change.Value.EventId));
        Assert.Equal(2, enterprise.Changes.Count);
    }

    [Fact]
    public void A_deregistered_company_is_neither_deregistered_again_nor_changed()
    {
        var enterprise = Registered();
        enterprise.Deregister(new DateOnly(2026, 11, 26), "股东会决议解散", "dereg-1", At);

        Assert.Equal("registry/not-active", enterprise.Deregister(new DateOnly(2026, 11, 26), "再次注销", "dereg-2", At).Refusal?.Type);
        Assert.Equal("registry/not-active", enterprise.Change(Facts with { Name = "新名称" }, "protected", "5401**********103X", "chg-1", At).Refusal?.Type);
        Assert.Equal(2, enterprise.Changes.Count);
    }

    [Fact]
    public void A_company_is_not_deregistered_before_it_was_established()
    {
        var enterprise = Registered();

        var refused = enterprise.Deregister(new DateOnly(2026, 11, 19), "股东会决议解散", "dereg-1", At);

        Assert.Equal("registry/invalid-deregistration", refused.Refusal?.Type);
        Assert.Equal(EnterpriseStatus.Active, enterprise.Status);
    }
}
