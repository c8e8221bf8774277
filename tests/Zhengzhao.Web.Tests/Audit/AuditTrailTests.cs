using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Tests.Infrastructure;
using PageResponse = Zhengzhao.Web.Api.AuditEndpoints.PageResponse;

namespace Zhengzhao.Web.Tests.Audit;

public sealed class AuditTrailTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_state_change_and_its_audit_entry_are_saved_together()
    {
        var result = await factory.WithUseCaseAsync<SaveDepartment, Result<Department>>(save =>
            save.HandleAsync(new("XZ-TYJ", "体育局", "体育局", "540000", IsActive: true, IsNew: true, new Actor("admin-a"))));
        Assert.True(result.IsSuccess);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Department) && e.EntityId == "XZ-TYJ"));

        Assert.Equal("admin-a", entry.Actor);
        Assert.Equal("identity.department-added", entry.Action);
        Assert.Equal("无 → 体育局（体育局，540000，在用）", entry.Summary);
    }

    [Fact]
    public async Task A_refused_change_writes_neither_the_change_nor_an_entry()
    {
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var result = await factory.WithUseCaseAsync<SaveDepartment, Result<Department>>(save =>
            save.HandleAsync(new("XZ-GSJ", "重复代码", null, "540000", IsActive: true, IsNew: true, new Actor("admin-a"))));

        Assert.Equal("identity/duplicate-department", result.Refusal!.Type);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal("工商局", await factory.WithDbAsync(db => db.Departments.Where(d => d.Code == "XZ-GSJ").Select(d => d.Name).SingleAsync()));
    }

    [Fact]
    public async Task Concurrent_writers_extend_one_unbroken_chain()
    {
        // Eight writers at once, each on its own connection, all appending to the same tail.
        await Task.WhenAll(Enumerable.Range(1, 8).Select(i => factory.WithDbAsync(async db =>
        {
            db.Record(new Actor($"writer-{i}"), TimeProvider.System, "test.concurrent", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "并发写入");
            return await db.SaveChangesAsync();
        })));

        var verdict = await factory.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(verify => verify.HandleAsync());
        var written = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "test.concurrent"));

        Assert.Equal(8, written);
        Assert.True(verdict.Intact, verdict.Break?.Reason);
    }

    [Fact]
    public async Task Altering_an_entry_in_the_database_is_caught_by_the_verifier()
    {
        await using var tamper = new ZhengzhaoFactory();
        var entries = await tamper.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(entries > 3);
        var intact = await tamper.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(verify => verify.HandleAsync());
        Assert.True(intact.Intact);
        Assert.Equal(entries, intact.EntriesChecked);

        // Someone with database access rewrites who did entry 2.
        await tamper.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'intruder' WHERE \"Sequence\" = 2"));

        var verdict = await tamper.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(verify => verify.HandleAsync());
        Assert.False(verdict.Intact);
        Assert.Equal(2, verdict.Break!.Sequence);
        Assert.Equal(1, verdict.EntriesChecked);
        Assert.Contains("已被改动", verdict.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_entry_in_the_database_is_caught_by_the_verifier()
    {
        await using var tamper = new ZhengzhaoFactory();
        await tamper.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3"));

        var verdict = await tamper.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(verify => verify.HandleAsync());

        Assert.Equal(3, verdict.Break!.Sequence);
        Assert.Contains("缺失", verdict.Break.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_lists_filters_and_verifies()
    {
        var client = await factory.CookieClientAsync(Roles.Oversight);

        var filtered = await client.GetStringAsync("/Audit?actor=system");
        Assert.Contains("reference.regions-seeded", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("identity.signed-in", filtered, StringComparison.Ordinal);

        // Verifying answers with a redirect, so reloading the result checks again instead of resending the form.
        var verified = await ZhengzhaoFactory.PostFormAsync(client, "/Audit?handler=Verify", [], formPage: "/Audit");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains("审计链完整", await client.GetStringAsync(verified.Headers.Location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_api_pages_entries_and_rejects_a_malformed_date()
    {
        var client = await factory.BearerClientAsync(Roles.Administrator);

        var page = await (await client.GetAsync("/api/v1/audit/entries?actor=system")).ReadAsAsync<PageResponse>();
        Assert.True(page.Total >= 3);
        Assert.All(page.Items, e => Assert.Equal("system", e.Actor));

        await (await client.GetAsync("/api/v1/audit/entries?from=2026-02-31")).AssertProblemAsync(400);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit/entries?from=0001-01-01&to=9999-12-31")).StatusCode);
        await (await client.GetAsync("/api/v1/audit/entries?page=0")).AssertProblemAsync(400);
    }

    [Fact]
    public void Audit_entries_cannot_be_saved_synchronously_past_the_chain()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        db.Record(Actor.System, TimeProvider.System, "test.sync", "Test", "1", "同步保存");

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }
}
