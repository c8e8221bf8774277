using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// 部门负责人 is a person the department administrator designates, not a role: only the head extends a deadline,
/// refuses a requested extension or hands over another officer's matter, whatever page or client asks (SL-014, XZ-SYJ).
/// </summary>
public sealed class DepartmentHeadTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private const string NotHead = "/problems/licensing/not-department-head";

    [Fact]
    public async Task Only_the_designated_head_extends_or_refuses_an_extension_and_the_department_administrator_is_no_head_by_role()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var officer = await factory.NewBearerClientAsync("head-syj-officer", Roles.Approver, "XZ-SYJ", "540000");
        var admin = await factory.NewBearerClientAsync("head-syj-admin", Roles.DepartmentAdmin, "XZ-SYJ", "540000");
        await factory.NewBearerClientAsync("head-syj-deputy", Roles.Approver, "XZ-SYJ", "540000");
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await ActAsync(clerk, id, "accept");
        await ActAsync(officer, id, "extension-request", new { days = 5, reason = "现场核查需补测" });

        var refused = await ActAsync(officer, id, "extend", new { days = 5, reason = "自批" }, HttpStatusCode.Forbidden);
        Assert.Equal(NotHead, refused.GetProperty("type").GetString());
        Assert.Equal(NotHead, (await ActAsync(officer, id, "extension-refusal", expected: HttpStatusCode.Forbidden)).GetProperty("type").GetString());

        // The department's administrator is its IT administrator: it reviews nothing, let alone as head.
        Assert.Equal("/problems/licensing/not-reviewer", (await ActAsync(admin, id, "extend", new { days = 5, reason = "自批" }, HttpStatusCode.Forbidden)).GetProperty("type").GetString());

        // The administrator designates the head; the designation ends the head's sessions, so the head signs in afresh.
        var designated = await admin.PutAsJsonAsync("/api/v1/identity/accounts/head-syj-deputy/department-head", new { isHead = true });
        Assert.Equal(HttpStatusCode.OK, designated.StatusCode);
        Assert.True((await designated.ReadJsonAsync()).GetProperty("isDepartmentHead").GetBoolean());
        var head = await factory.TokenClientAsync("head-syj-deputy");
        var extended = await ActAsync(head, id, "extend", new { days = 5, reason = "现场核查需补测" });

        Assert.Equal("head-syj-deputy", extended.GetProperty("extension").GetProperty("approvedBy").GetString());
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == "head-syj-deputy").Select(e => new { e.Action, e.Actor }).ToListAsync());
        Assert.Contains(audited, e => e.Action == "identity.department-head-set" && e.Actor == "head-syj-admin");
    }

    [Fact]
    public async Task A_department_administrator_designates_heads_only_in_its_own_department_and_a_head_leaves_with_a_move()
    {
        await factory.NewBearerClientAsync("head-xwgd-officer", Roles.Approver, "XZ-XWGD", "540000");
        var otherAdmin = await factory.NewBearerClientAsync("head-swt-admin", Roles.DepartmentAdmin, "XZ-SWT", "540000");

        await (await otherAdmin.PutAsJsonAsync("/api/v1/identity/accounts/head-xwgd-officer/department-head", new { isHead = true })).AssertProblemAsync(404);
        var applicantRefused = await (await factory.BearerClientAsync(Roles.Applicant)).PutAsJsonAsync("/api/v1/identity/accounts/head-xwgd-officer/department-head", new { isHead = true });
        Assert.Equal(HttpStatusCode.Forbidden, applicantRefused.StatusCode);

        var administrator = await factory.BearerClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.OK, (await administrator.PutAsJsonAsync("/api/v1/identity/accounts/head-xwgd-officer/department-head", new { isHead = true })).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "head-xwgd-officer").Select(u => u.IsDepartmentHead).SingleAsync()));
        var page = await (await factory.CookieClientAsync(Roles.Administrator)).GetStringAsync("/Admin/Accounts");
        Assert.Contains("<span class=\"tag tag-green\">负责人</span>", page, StringComparison.Ordinal);

        await factory.WithUseCaseAsync<EditAccount, Result<User>>(edit => edit.HandleAsync(new("head-xwgd-officer", "head-xwgd-officer", Roles.Approver, "XZ-SWT", "540000", false, new("demo-administrator"))));
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "head-xwgd-officer").Select(u => u.IsDepartmentHead).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_approver_may_be_head_and_nobody_designates_themselves()
    {
        var admin = await factory.NewBearerClientAsync("head-gsj-admin", Roles.DepartmentAdmin, "XZ-GSJ", "540000");
        await factory.NewBearerClientAsync("head-gsj-inspector", Roles.Inspector, "XZ-GSJ", "540000");
        await factory.NewBearerClientAsync("head-gsj-approver", Roles.Approver, "XZ-GSJ", "540000", departmentHead: true);

        var self = await (await admin.PutAsJsonAsync("/api/v1/identity/accounts/head-gsj-admin/department-head", new { isHead = true })).AssertProblemAsync(400);
        var inspector = await (await admin.PutAsJsonAsync("/api/v1/identity/accounts/head-gsj-inspector/department-head", new { isHead = true })).AssertProblemAsync(400);
        var administrator = await factory.BearerClientAsync(Roles.Administrator);
        await (await administrator.PutAsJsonAsync("/api/v1/identity/accounts/head-gsj-admin/department-head", new { isHead = true })).AssertProblemAsync(400);

        // Leaving the flag out is not a clearing: the head stays until someone says so.
        var missing = await (await administrator.PutAsJsonAsync("/api/v1/identity/accounts/head-gsj-approver/department-head", new { })).AssertProblemAsync(400);

        Assert.Contains("不能指定自己", self.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("只有本部门的审批人员", inspector.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(missing.GetProperty("errors").TryGetProperty("isHead", out _));
        Assert.Equal(
            [("head-gsj-admin", false), ("head-gsj-approver", true), ("head-gsj-inspector", false)],
            await factory.WithDbAsync(db => db.Users.Where(u => u.UserName!.StartsWith("head-gsj-")).OrderBy(u => u.UserName).Select(u => new ValueTuple<string, bool>(u.UserName!, u.IsDepartmentHead)).ToListAsync()));
    }

    [Fact]
    public async Task An_officer_who_is_neither_owner_nor_head_may_not_hand_over_a_matter()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var admin = await factory.NewBearerClientAsync("handover-syj-admin", Roles.DepartmentAdmin, "XZ-SYJ", "540000");
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await ActAsync(clerk, id, "accept");

        var approver = await factory.NewBearerClientAsync("handover-syj-approver", Roles.Approver, "XZ-SYJ", "540000");

        var refused = await ActAsync(approver, id, "hand-over", new { to = "handover-syj-approver" }, HttpStatusCode.Forbidden);
        var byAdmin = await ActAsync(admin, id, "hand-over", new { to = "handover-syj-approver" }, HttpStatusCode.Forbidden);

        Assert.Equal("/problems/licensing/not-owner", refused.GetProperty("type").GetString());
        Assert.Equal("/problems/licensing/not-reviewer", byAdmin.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_matter_is_handed_over_only_to_an_approver_or_window_clerk_of_its_department_and_nothing_changes_otherwise()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var head = await factory.NewBearerClientAsync("receiver-syj-head", Roles.Approver, "XZ-SYJ", "540000", departmentHead: true);
        await factory.NewBearerClientAsync("receiver-xwgd-officer", Roles.Approver, "XZ-XWGD", "540000");
        await factory.NewBearerClientAsync("receiver-syj-officer", Roles.Approver, "XZ-SYJ", "540000");
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadJsonAsync()).GetProperty("id").GetGuid();
        await ActAsync(clerk, id, "accept");
        var owner = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Owner).SingleAsync());

        foreach (var to in new[] { "no-such-officer", AccountSeeder.DemoUserName(Roles.Applicant), "receiver-xwgd-officer" })
        {
            var refused = await ActAsync(head, id, "hand-over", new { to }, HttpStatusCode.BadRequest);
            Assert.Equal("/problems/licensing/invalid-receiver", refused.GetProperty("type").GetString());
            Assert.True(refused.GetProperty("errors").TryGetProperty("to", out _));
        }

        Assert.Equal(owner, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Owner).SingleAsync()));
        Assert.Equal("receiver-syj-officer", (await ActAsync(head, id, "hand-over", new { to = "receiver-syj-officer" })).GetProperty("owner").GetString());
    }
}
