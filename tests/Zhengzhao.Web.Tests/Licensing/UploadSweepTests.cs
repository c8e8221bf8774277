using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// Files uploaded for a filing that was refused or never sent do not stay forever: a day after upload, an upload no
/// record ever used is removed, its row and its stored file, and the removal is on the audit trail. An upload once part
/// of a record stays for good (a material a supplement replaced, a credit repair's evidence), as do fresh uploads and a
/// file another upload shares; a file no row names goes at the next pass, whatever left it there.
/// </summary>
public sealed class UploadSweepTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task An_upload_no_application_uses_is_removed_with_its_file_a_day_later_while_one_in_use_or_fresh_stays()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-001", materials = await factory.RequiredMaterialsAsync(applicant, "SL-001") })).ReadJsonAsync();
        var applicationId = filed.GetProperty("id").GetGuid();
        var used = await factory.WithDbAsync(async db => (await db.Applications.SingleAsync(a => a.Id == applicationId)).Materials.Values.First());
        var refusedFiling = await UploadAsync(applicant, "未提交的材料.pdf", Unique());
        var sameBytesAsUsed = await UploadAsync(applicant, "同一份文件.pdf");

        factory.Clock.Advance(MaterialFileRules.UnusedGracePeriod + TimeSpan.FromHours(1));
        var fresh = await UploadAsync(await factory.BearerClientAsync(Roles.Applicant), "刚上传的材料.pdf", Unique());
        var files = await factory.WithDbAsync(db => db.MaterialUploads.ToDictionaryAsync(u => u.Id, u => Path.Combine(factory.UploadRoot, u.StoredAs)));
        var outcome = await SweepAsync();

        var left = await factory.WithDbAsync(db => db.MaterialUploads.Select(u => u.Id).ToListAsync());
        Assert.True(outcome.Removed >= 2);
        Assert.DoesNotContain(refusedFiling, left);
        Assert.False(File.Exists(files[refusedFiling]));
        Assert.DoesNotContain(sameBytesAsUsed, left);
        Assert.Contains(used, left);
        Assert.True(File.Exists(files[used]));
        Assert.Contains(fresh, left);
        Assert.True(File.Exists(files[fresh]));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityId == refusedFiling.ToString() && e.Action == "licensing.upload-removed"));
        Assert.Contains("未提交的材料.pdf", audit.Summary, StringComparison.Ordinal);
        Assert.True(await OpensAsync(applicationId, used));
    }

    [Fact]
    public async Task A_material_replaced_in_a_supplement_is_kept_after_the_grace_period_with_its_file()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var required = await factory.WithDbAsync(db => db.ItemVersions.Where(v => v.ItemCode == "SL-016" && !v.IsDraft).OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync());
        var handedIn = await UploadAsync(applicant, "营业执照（模糊）.pdf", Unique());
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-016", materials = required.Materials.Where(m => m.Required).Select(m => new { name = m.Name, upload = handedIn }) })).ReadJsonAsync();
        var id = filed.GetProperty("id").GetGuid();
        await ActAsync(clerk, id, "accept");
        await ActAsync(approver, id, "steps", new { reason = "受理完成" });
        await ActAsync(approver, id, "supplement", new { items = new[] { new { material = "营业执照", problem = "复印件模糊不清" } } });
        var replacement = await UploadAsync(applicant, "营业执照（清晰）.pdf", Unique());
        (await applicant.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/supplement-complete", new { materials = new[] { new { name = "营业执照", upload = replacement } } })).EnsureSuccessStatusCode();

        factory.Clock.Advance(MaterialFileRules.UnusedGracePeriod + TimeSpan.FromHours(1));
        await SweepAsync();

        var kept = await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Id == handedIn || u.Id == replacement).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, u => Assert.True(File.Exists(Path.Combine(factory.UploadRoot, u.StoredAs))));
    }

    [Fact]
    public async Task Both_uploads_of_a_material_replaced_in_a_supplement_survive_the_sweep_and_open_while_one_never_attached_goes()
    {
        // A company of its own and bytes of its own: other tests of the class file for the demo company, sweep, and
        // share the clock, so nothing here may depend on what they left or on a file they also stored.
        var company = SampleRegistration.Code("MA6TWP02");
        (await (await factory.BearerClientAsync(Roles.Regulator)).PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(company, "sweep-two-materials"))).EnsureSuccessStatusCode();
        var applicant = await factory.NewBearerClientAsync("sweep-two-materials", Roles.Applicant, uscc: company);
        var required = await factory.WithDbAsync(db => db.ItemVersions.Where(v => v.ItemCode == "SL-016" && !v.IsDraft).OrderByDescending(v => v.Number).Select(v => v.Content).FirstAsync());
        var materials = new Dictionary<string, Guid>();
        foreach (var material in required.Materials.Where(m => m.Required))
        {
            materials[material.Name] = await UploadAsync(applicant, material.Name + ".pdf", Unique());
        }

        Assert.True(materials.Count >= 2, "SL-016 asks for at least two materials");
        var filed = await FileAsync(applicant, new { itemCode = "SL-016", materials = materials.Select(m => new { name = m.Key, upload = m.Value }) });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var id = (await filed.ReadJsonAsync()).GetProperty("id").GetGuid();
        var approver = await factory.BearerClientAsync(Roles.Approver);
        await ActAsync(await factory.BearerClientAsync(Roles.WindowClerk), id, "accept");
        await ActAsync(approver, id, "steps", new { reason = "受理完成" });
        await ActAsync(approver, id, "supplement", new { items = new[] { new { material = "营业执照", problem = "复印件模糊不清" } } });
        var replacement = await UploadAsync(applicant, "营业执照（清晰）.pdf", Unique());
        var neverAttached = await UploadAsync(applicant, "传错的文件.pdf", Unique());
        var completed = await applicant.PostAsJsonAsync($"/api/v1/licensing/applications/{id}/supplement-complete", new { materials = new[] { new { name = "营业执照", upload = replacement } } });
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        var files = await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Uscc == company).ToDictionaryAsync(u => u.Id, u => Path.Combine(factory.UploadRoot, u.StoredAs)));

        factory.Clock.Advance(MaterialFileRules.UnusedGracePeriod + TimeSpan.FromHours(1));
        await SweepAsync();

        var left = await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Uscc == company).Select(u => u.Id).ToListAsync());
        foreach (var kept in materials.Values.Append(replacement))
        {
            Assert.Contains(kept, left);
            Assert.True(File.Exists(files[kept]));
        }

        // The application names its current materials, so those open through it; the replaced upload is kept (above)
        // but the application no longer names it, so it does not open through the application (a known gap).
        foreach (var current in materials.Where(m => m.Key != "营业执照").Select(m => m.Value).Append(replacement))
        {
            Assert.True(await OpensAsync(id, current, company), $"{current} does not open");
        }

        Assert.DoesNotContain(neverAttached, left);
        Assert.False(File.Exists(files[neverAttached]));
    }

    [Fact]
    public async Task A_credit_repairs_evidence_is_kept_after_the_grace_period()
    {
        var regulator = await factory.BearerClientAsync(Roles.Regulator);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var listing = (await (await regulator.PostAsJsonAsync("/api/v1/credit/abnormal-listings", new { uscc = AccountSeeder.DemoEnterprise.Value, cause = "Unreachable", decisionNumber = "拉市监异〔2026〕77号", facts = "住所无法联系", listedOn = "2026-11-02" })).ReadJsonAsync()).GetProperty("id").GetGuid();
        var evidence = await UploadAsync(applicant, "租赁合同.pdf", Unique());
        var applied = await applicant.PostAsJsonAsync("/api/v1/credit/repairs", new { target = "AbnormalListing", targetId = listing, statement = "已在登记住所恢复经营并更新联系方式", evidence = new[] { evidence } });
        var repair = (await applied.ReadJsonAsync()).GetProperty("id").GetGuid();

        factory.Clock.Advance(MaterialFileRules.UnusedGracePeriod + TimeSpan.FromHours(1));
        await SweepAsync();

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var opened = await (await factory.BearerClientAsync(Roles.Regulator)).GetAsync($"/api/v1/credit/repairs/{repair}/evidence/{evidence}");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task Filing_with_an_upload_the_sweep_removed_is_refused_as_expired_and_nothing_is_written()
    {
        var stale = await UploadAsync(await factory.BearerClientAsync(Roles.Applicant), "昨天的材料.pdf", Unique());
        factory.Clock.Advance(MaterialFileRules.UnusedGracePeriod + TimeSpan.FromHours(1));
        await SweepAsync();
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var fresh = await UploadAsync(applicant, "今天的材料.pdf", Unique());
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var refused = await FileAsync(applicant, new { itemCode = "SL-001", materials = new[] { new { name = "营业执照", upload = stale } } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("/problems/licensing/upload-expired", problem.GetProperty("type").GetString());
        Assert.Contains("请重新上传", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // Swept between the check and the save: the mark refuses, and the caller's rollback leaves the other upload unused.
        var marked = await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await MaterialUploads.PutInUseAsync(db, AccountSeeder.DemoEnterprise.Value, [fresh, stale], factory.Clock.GetUtcNow());
        });
        Assert.Equal("licensing/upload-expired", marked?.Type);
        Assert.Null(await factory.WithDbAsync(db => db.MaterialUploads.Where(u => u.Id == fresh).Select(u => u.InUseSince).SingleAsync()));
    }

    [Fact]
    public async Task A_file_no_upload_names_is_deleted_by_the_next_pass_unless_an_upload_just_stored_it()
    {
        var orphan = StoredFile(factory.Clock.GetUtcNow() - MaterialFileRules.UnusedGracePeriod - TimeSpan.FromHours(1));
        var justStored = StoredFile(factory.Clock.GetUtcNow());

        var outcome = await SweepAsync();

        Assert.False(File.Exists(Path.Combine(factory.UploadRoot, orphan)));
        Assert.True(File.Exists(Path.Combine(factory.UploadRoot, justStored)));
        Assert.True(outcome.FilesDeleted >= 1);
    }

    private Task<SweepUploads.Outcome> SweepAsync() => factory.WithUseCaseAsync<SweepUploads, SweepUploads.Outcome>(s => s.RunAsync());

    /// <summary>A stored file no upload names, last written at the time given, as an interrupted pass leaves it.</summary>
    private string StoredFile(DateTimeOffset written)
    {
        var name = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var storedAs = Path.Combine(name[..2], name);
        var path = Path.Combine(factory.UploadRoot, storedAs);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Pdf);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return storedAs;
    }

    private static byte[] Unique() => [.. Pdf, .. Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())];

    /// <summary>Whether the company (the demo company unless named) can still open the material it handed in.</summary>
    private Task<bool> OpensAsync(Guid application, Guid upload, string? company = null) =>
        factory.WithUseCaseAsync<OpenMaterial, bool>(async open =>
        {
            var opened = await open.OpenAsync(application, upload, new(company ?? AccountSeeder.DemoEnterprise.Value, null));
            if (opened.Value is { } file)
            {
                await file.Content.DisposeAsync();
            }

            return opened.IsSuccess;
        });
}
