using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;
using RegistrationResponse = Zhengzhao.Web.Api.RegistryEndpoints.RegistrationResponse;

namespace Zhengzhao.Web.Tests.Coordination;

/// <summary>双告知: a registration pushes the company to each approving department its scope concerns, once.</summary>
public sealed class DualNotificationTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_registration_pushes_each_department_once_however_often_it_is_delivered()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TDN01").Value;

        var first = await (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-1"))).ReadAsAsync<RegistrationResponse>();
        var again = await (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-1"))).ReadAsAsync<RegistrationResponse>();

        Assert.Equal(["SL-014→XZ-SYJ", "XZ2018-S01→XZ-XWGD"], first.Pushed.Select(p => $"{p.ItemCode}→{p.Department}").Order(StringComparer.Ordinal));
        Assert.Empty(again.Pushed);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Pushes.CountAsync(p => p.Uscc == code)));
    }

    [Fact]
    public async Task A_change_of_scope_pushes_only_what_is_new()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TDN02").Value;
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-2"));

        var changed = await (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-3", "Change", "许可项目：电影发行；食品销售；劳务派遣。"))).ReadAsAsync<RegistrationResponse>();

        Assert.Equal(["SL-018"], changed.Pushed.Select(p => p.ItemCode));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Pushes.CountAsync(p => p.Uscc == code)));
    }

    [Fact]
    public async Task A_department_sees_and_answers_only_its_own_pushes()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TDN03").Value;
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-4"));
        var film = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-XWGD"));
        var food = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-SYJ"));

        // The demo approver works at 新闻出版广电局 (XZ-XWGD).
        var approver = await factory.CookieClientAsync(Roles.Approver);
        var inbox = await approver.GetStringAsync("/Coordination/Inbox");
        Assert.Contains(film.Id.ToString(), inbox, StringComparison.Ordinal);
        Assert.DoesNotContain(food.Id.ToString(), inbox, StringComparison.Ordinal);

        var foreign = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Claim", new() { ["id"] = food.Id.ToString() }, formPage: "/Coordination/Inbox");
        Assert.Contains("本部门收件箱中没有这条推送", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var claimed = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Claim", new() { ["id"] = film.Id.ToString() }, formPage: "/Coordination/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var twice = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Claim", new() { ["id"] = film.Id.ToString() }, formPage: "/Coordination/Inbox");
        Assert.Contains("不能认领", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var state = await factory.WithDbAsync(db => db.Pushes.Where(p => p.Id == film.Id).Select(p => new { p.State, p.AnsweredBy }).SingleAsync());
        Assert.Equal(PushState.Claimed, state.State);
        Assert.Equal("demo-approver", state.AnsweredBy);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == film.Id.ToString())));
    }

    [Fact]
    public async Task A_push_is_returned_with_its_reason()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var code = Uscc.Compose('9', '1', "540172", "MA6TDN04").Value;
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "dn-5"));
        var film = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Uscc == code && p.DepartmentCode == "XZ-XWGD"));
        var approver = await factory.CookieClientAsync(Roles.Approver);

        var returned = await ZhengzhaoFactory.PostFormAsync(approver, "/Coordination/Inbox?handler=Return", new() { ["id"] = film.Id.ToString(), ["reason"] = "NotOurArea", ["remark"] = "住所在日喀则" }, formPage: "/Coordination/Inbox");

        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var push = await factory.WithDbAsync(db => db.Pushes.SingleAsync(p => p.Id == film.Id));
        Assert.Equal(PushState.Returned, push.State);
        Assert.Equal(ReturnReason.NotOurArea, push.ReturnReason);
        Assert.Equal("住所在日喀则", push.ReturnRemark);
    }

    [Fact]
    public async Task The_demo_companies_are_pushed_at_start()
    {
        var pushed = await factory.WithDbAsync(db => db.Pushes.CountAsync(p => p.Uscc == AccountSeeder.DemoEnterprise.Value));

        Assert.True(pushed >= 2);
    }

    [Fact]
    public async Task A_window_clerk_reads_the_letters_of_its_regions_companies_only()
    {
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var near = SampleRegistration.Code("MA6TLT01");
        var far = SampleRegistration.Code("MA6TLT02", "540102");
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(near, "lt-1"));
        await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(far, "lt-2"));
        var nearLetter = await factory.WithDbAsync(db => db.NotificationLetters.Where(l => l.Uscc == near).Select(l => l.Id).SingleAsync());
        var farLetter = await factory.WithDbAsync(db => db.NotificationLetters.Where(l => l.Uscc == far).Select(l => l.Id).SingleAsync());

        // The demo clerk works at the window of 540172 (经开区).
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);

        Assert.Single(await (await clerk.GetAsync($"/api/v1/coordination/letters?uscc={near}")).ReadAsAsync<Zhengzhao.Web.Api.CoordinationEndpoints.LetterView[]>());
        Assert.Empty(await (await clerk.GetAsync($"/api/v1/coordination/letters?uscc={far}")).ReadAsAsync<Zhengzhao.Web.Api.CoordinationEndpoints.LetterView[]>());
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/coordination/letters/{nearLetter}")).StatusCode);
        await (await clerk.GetAsync($"/api/v1/coordination/letters/{farLetter}")).AssertProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync($"/api/v1/coordination/letters/{farLetter}")).StatusCode);
    }
}
