using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Catalog;

public sealed class RolloutPageTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task The_shipped_plan_is_the_pilot_zone_then_the_region()
    {
        var plan = await factory.WithDbAsync(db => db.Rollouts.Where(r => r.Kind == CatalogKind.Official).OrderBy(r => r.From).ToListAsync());

        Assert.Equal([("540172", new DateOnly(2018, 7, 20)), ("540000", new DateOnly(2018, 10, 1))], plan.Select(r => (r.RegionCode, r.From)));
    }

    [Fact]
    public async Task The_reform_office_adds_and_removes_a_line_and_bad_lines_are_refused()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);

        var added = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Rollout?handler=Add", new() { ["kind"] = "Official", ["itemCode"] = "xz2018-c01", ["regionCode"] = "540600", ["from"] = "2026-12-01", ["note"] = "那曲提前实施" }, formPage: "/ReformOffice/Rollout");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var line = await factory.WithDbAsync(db => db.Rollouts.SingleAsync(r => r.ItemCode == "XZ2018-C01"));
        Assert.Equal("540600", line.RegionCode);

        var unknownItem = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Rollout?handler=Add", new() { ["kind"] = "Official", ["itemCode"] = "NO-SUCH", ["regionCode"] = "540100", ["from"] = "2026-12-01" }, formPage: "/ReformOffice/Rollout");
        Assert.Contains("没有编码为“NO-SUCH”的事项", await unknownItem.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badDate = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Rollout?handler=Add", new() { ["kind"] = "Official", ["regionCode"] = "540100", ["from"] = "2026-13-01" }, formPage: "/ReformOffice/Rollout");
        Assert.Contains("起始日期 应为 yyyy-MM-dd 格式的有效日期", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var removed = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Rollout?handler=Remove", new() { ["id"] = line.Id.ToString() }, formPage: "/ReformOffice/Rollout");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Rollouts.AnyAsync(r => r.ItemCode == "XZ2018-C01")));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == line.Id.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["catalog.rollout-added", "catalog.rollout-removed"], actions);
    }
}
