using System.Net;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using ItemDetail = Zhengzhao.Web.Api.CatalogEndpoints.ItemDetail;

namespace Zhengzhao.Web.Tests.Catalog;

/// <summary>The reform office keeps the catalogue: enter, publish, change, compare, retire; each step audited.</summary>
public sealed class ReformOfficeTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static Dictionary<string, string> NewItem(string code, int committed) => new()
    {
        ["Input.Code"] = code,
        ["Input.Kind"] = "Official",
        ["Input.Name"] = "港口经营许可",
        ["Input.DepartmentCode"] = "XZ-JTT",
        ["Input.Level"] = "Province",
        ["Input.LegalBasis"] = "《中华人民共和国港口法》第二十二条",
        ["Input.Mode"] = "Transparent",
        ["Input.ReformMeasures"] = "公开审批标准和时限。",
        ["Input.SupervisionMeasures"] = "交通运输厅双随机抽查。",
        ["Input.Conditions"] = "有固定的经营场所|《港口经营管理规定》第七条\n有与经营规模相适应的设施设备",
        ["Input.Materials"] = "港口经营许可申请书|原件|1|必要\n授权委托书|原件|1|委托他人办理的",
        ["Input.Steps"] = "受理|1\n审查|8|书面审查\n决定|2",
        ["Input.StatutoryLimitDays"] = "20",
        ["Input.CommittedLimitDays"] = committed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ExtensionDays"] = "0",
        ["Input.PauseForSupplement"] = "true",
        ["Input.Channel"] = "OnlineOrOnSite",
        ["Input.ServiceLocation"] = "拉萨市政务服务中心",
        ["Input.ServiceHours"] = "工作日",
        ["Input.PermitName"] = "港口经营许可证",
        ["Input.PermitValidityYears"] = "3",
        ["Input.RiskLevel"] = "Medium",
        ["Input.ScopePhrases"] = "港口经营、码头经营",
    };

    [Fact]
    public async Task An_item_is_entered_published_changed_compared_and_retired()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);

        var saved = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", NewItem("XZ2018-T02", 15));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var published = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Versions?handler=Publish&code=XZ2018-T02", new() { ["validFrom"] = "2026-11-01" }, formPage: "/ReformOffice/Items/Versions?code=XZ2018-T02");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("XZ2018-T02", await factory.Anonymous().GetStringAsync("/api/v1/items?catalog=official"), StringComparison.Ordinal);

        var edit = NewItem("XZ2018-T02", 12);
        edit["IsNew"] = "false";
        var changed = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", edit, formPage: "/ReformOffice/Items/Edit?code=XZ2018-T02");
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        var diff = await client.GetStringAsync("/ReformOffice/Items/Versions?code=XZ2018-T02&before=1&after=2");
        Assert.Contains("承诺时限", diff, StringComparison.Ordinal);
        Assert.Contains("12 个工作日", diff, StringComparison.Ordinal);

        await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Versions?handler=Publish&code=XZ2018-T02", new() { ["validFrom"] = "2026-11-26" }, formPage: "/ReformOffice/Items/Versions?code=XZ2018-T02");
        var current = await (await factory.Anonymous().GetAsync("/api/v1/items/XZ2018-T02")).ReadAsAsync<ItemDetail>();
        var first = await (await factory.Anonymous().GetAsync("/api/v1/items/XZ2018-T02?version=1")).ReadAsAsync<ItemDetail>();
        Assert.Equal(2, current.Version);
        Assert.Equal(12, current.CommittedLimitDays);
        Assert.Equal(new DateOnly(2026, 11, 25), first.ValidTo);

        await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Versions?handler=Retire&code=XZ2018-T02", new() { ["retireFrom"] = "2026-11-26" }, formPage: "/ReformOffice/Items/Versions?code=XZ2018-T02");
        Assert.DoesNotContain("XZ2018-T02", await factory.Anonymous().GetStringAsync("/api/v1/items"), StringComparison.Ordinal);

        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId.StartsWith("XZ2018-T02")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["catalog.draft-saved", "catalog.version-published", "catalog.draft-saved", "catalog.version-published", "catalog.item-retired"], actions);
    }

    [Fact]
    public async Task An_item_with_bad_lines_or_limits_is_refused_with_every_reason_and_nothing_saved()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        var form = NewItem("XZ2018-T03", 25);
        form["Input.Materials"] = "申请书|原件|一份|必要";

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", form);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第1行“申请书|原件|一份|必要”无法识别", page, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T03")));

        form["Input.Materials"] = "申请书|原件|1|必要";
        var limits = await (await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", form)).Content.ReadAsStringAsync();
        Assert.Contains("承诺时限（25 个工作日）不能超过法定时限（20 个工作日）", limits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_text_of_the_item_form_refuses_an_over_long_value_or_a_control_character_and_nothing_is_saved()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        var tooLong = new string('长', 100_000);
        (string Field, string Value, string Reason)[] rows =
        [
            ("Input.Name", tooLong, "事项名称不超过100字"),
            ("Input.LegalBasis", tooLong, "设定依据不超过2000字"),
            ("Input.ReformMeasures", tooLong, "具体改革举措不超过2000字"),
            ("Input.SupervisionMeasures", tooLong, "加强事中事后监管措施不超过2000字"),
            ("Input.ServiceLocation", tooLong, "办理地点不超过200字"),
            ("Input.ServiceHours", tooLong, "办理时间不超过200字"),
            ("Input.PermitName", tooLong, "许可证件名称不超过100字"),
            ("Input.Conditions", tooLong, "每项申请条件不超过500字"),
            ("Input.Materials", tooLong + "|原件|1|必要", "材料名称不超过200字"),
            ("Input.Steps", "受理|1|" + tooLong + "\n审查|8\n决定|2", "环节说明不超过500字"),
            ("Input.ReformMeasures", "公开审批标准\a和时限。", "具体改革举措含有控制字符"),
            ("Input.PermitName", "港口经营\u001B许可证", "许可证件名称应为一行文字"),
        ];

        foreach (var (field, value, reason) in rows)
        {
            var form = NewItem("XZ2018-T09", 15);
            form[field] = value;
            var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

            var response = await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", form);
            var page = await response.Content.ReadAsStringAsync();

            Assert.True(page.Contains(reason, StringComparison.Ordinal), $"{field}: {(int)response.StatusCode}, the page does not say {reason}");
            Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        }

        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T09")));
    }

    [Fact]
    public async Task The_new_item_form_does_not_overwrite_an_existing_code()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        var form = NewItem("XZ2018-T01", 15);
        form["IsNew"] = "true";

        var page = await (await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", form)).Content.ReadAsStringAsync();

        Assert.Contains("事项编码 XZ2018-T01 已被使用", page, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ItemVersions.CountAsync(v => v.ItemCode == "XZ2018-T01")));
    }

    [Fact]
    public async Task An_emptied_limit_is_reported_instead_of_saved_as_a_default()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);
        var form = NewItem("XZ2018-T04", 15);
        form["Input.CommittedLimitDays"] = "十";

        var page = await (await ZhengzhaoFactory.PostFormAsync(client, "/ReformOffice/Items/Edit", form)).Content.ReadAsStringAsync();

        Assert.Contains("CommittedLimitDays", page, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LicensingItems.AnyAsync(i => i.Code == "XZ2018-T04")));
    }

    [Fact]
    public async Task The_completeness_view_shows_declared_against_entered()
    {
        var client = await factory.CookieClientAsync(Roles.ReformOffice);

        var page = await client.GetStringAsync("/ReformOffice/Items");

        Assert.Contains("共 59 项", page, StringComparison.Ordinal);
        Assert.Matches("<td>简化审批，实行告知承诺制</td><td>11</td><td>1</td><td>10</td>", page);
    }

    [Theory]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Applicant)]
    public async Task Only_the_reform_office_manages_items(string role)
    {
        var client = await factory.CookieClientAsync(role);

        var response = await client.GetAsync("/ReformOffice/Items");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
