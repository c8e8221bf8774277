using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// Files uploaded for a filing that was refused or never sent do not stay forever: a day after upload, an upload no
/// application uses is removed, its row and its stored file, and the removal is on the audit trail. Uploads in use,
/// fresh ones, and a file another upload in use shares, stay.
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
        var outcome = await factory.WithUseCaseAsync<SweepUploads, SweepUploads.Outcome>(s => s.RunAsync([]));

        var left = await factory.WithDbAsync(db => db.MaterialUploads.Select(u => u.Id).ToListAsync());
        Assert.Equal(2, outcome.Removed);
        Assert.Empty(outcome.FilesLeft);
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
    public async Task A_file_an_earlier_pass_could_not_delete_is_deleted_at_the_next_unless_an_upload_just_stored_it()
    {
        var stale = StoredFile(factory.Clock.GetUtcNow() - MaterialFileRules.UnusedGracePeriod - TimeSpan.FromHours(1));
        var justStored = StoredFile(factory.Clock.GetUtcNow());

        var outcome = await factory.WithUseCaseAsync<SweepUploads, SweepUploads.Outcome>(s => s.RunAsync([stale, justStored]));

        Assert.False(File.Exists(Path.Combine(factory.UploadRoot, stale)));
        Assert.True(File.Exists(Path.Combine(factory.UploadRoot, justStored)));
        Assert.Equal([justStored], outcome.FilesLeft);
    }

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

    /// <summary>Whether the company can still open the material it handed in.</summary>
    private Task<bool> OpensAsync(Guid application, Guid upload) =>
        factory.WithUseCaseAsync<OpenMaterial, bool>(async open =>
        {
            var opened = await open.OpenAsync(application, upload, new(AccountSeeder.DemoEnterprise.Value, null));
            if (opened.Value is { } file)
            {
                await file.Content.DisposeAsync();
            }

            return opened.IsSuccess;
        });
}
