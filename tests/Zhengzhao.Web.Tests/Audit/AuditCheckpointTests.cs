using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using VerdictResponse = Zhengzhao.Web.Api.AuditEndpoints.VerdictResponse;

namespace Zhengzhao.Web.Tests.Audit;

/// <summary>
/// Checkpoints of the chain's head, signed with the key whose public half the oversight office holds and kept outside
/// the database (ADR 28): written on demand, and what verification holds the chain against, so that the newest entries
/// cut or the whole chain rebuilt with the chain key no longer pass.
/// </summary>
public sealed class AuditCheckpointTests
{
    [Fact]
    public async Task The_oversight_office_writes_a_checkpoint_through_the_api_and_the_verification_reports_it_agreeing()
    {
        await using var factory = new ZhengzhaoFactory();
        var api = await factory.BearerClientAsync(Roles.Oversight);

        var written = await api.PostAsync("/api/v1/audit/checkpoints", null);

        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var checkpoint = await written.ReadAsAsync<AuditCheckpoint>();
        var entries = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action != "audit.checkpoint-written"));
        Assert.Equal((entries, (long)entries), (checkpoint.Count, checkpoint.LastSequence));
        Assert.True(AuditCheckpoints.SignatureHolds(checkpoint, factory.CheckpointKey));
        var file = Assert.Single(Directory.GetFiles(factory.CheckpointFolder));
        Assert.Equal(checkpoint, JsonSerializer.Deserialize<AuditCheckpoint>(await File.ReadAllTextAsync(file), JsonSerializerOptions.Web));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "audit.checkpoint-written" && e.Actor == "demo-oversight")));

        var verdict = await (await api.GetAsync("/api/v1/audit/verify")).ReadAsAsync<VerdictResponse>();
        Assert.True(verdict.Intact);
        var checkedAgainst = verdict.Checkpoint!;
        Assert.True(checkedAgainst.Holds);
        Assert.Equal(checkpoint.Count, checkedAgainst.Count);

        var latest = await (await api.GetAsync("/api/v1/audit/checkpoints/latest")).ReadAsAsync<AuditCheckpoint>();
        Assert.Equal(checkpoint.Signature, latest.Signature);
    }

    [Fact]
    public async Task Cutting_the_newest_entries_passes_the_chain_but_not_the_checkpoint()
    {
        await using var factory = new ZhengzhaoFactory();
        var written = await WriteAsync(factory);

        // Someone with database access removes the checkpoint's own entry and the two entries before it.
        await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence >= written.LastSequence - 1).ExecuteDeleteAsync());

        var verdict = await VerifyAsync(factory);
        Assert.Null(verdict.Break);
        Assert.False(verdict.Intact);
        Assert.Contains("截断", verdict.Checkpoint!.Contradiction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_rebuilt_with_the_chain_key_passes_the_chain_but_not_the_checkpoint()
    {
        await using var factory = new ZhengzhaoFactory();
        var written = await WriteAsync(factory);

        // The holder of the chain key (and of the database) rewrites entry 2 and re-seals everything after it.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'intruder' WHERE \"Sequence\" = 2"));
        await ResealFromAsync(factory, 2);

        var verdict = await VerifyAsync(factory);
        Assert.Null(verdict.Break);
        Assert.False(verdict.Intact);
        Assert.Contains("重建", verdict.Checkpoint!.Contradiction, StringComparison.Ordinal);
        Assert.True(written.LastSequence > 2);
    }

    [Fact]
    public async Task A_checkpoint_forged_with_another_key_is_reported_and_a_broken_chain_is_not_signed()
    {
        await using var factory = new ZhengzhaoFactory();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var count = await factory.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        var head = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync());
        await new AuditCheckpointStore(factory.CheckpointFolder).WriteAsync(AuditCheckpoints.Sign(count, count, head, factory.Clock.GetUtcNow(), "test-1", forger), default);

        var verdict = await VerifyAsync(factory);
        Assert.False(verdict.Intact);
        Assert.Contains("签名无效", verdict.Checkpoint!.Contradiction, StringComparison.Ordinal);

        var refused = await (await (await factory.BearerClientAsync(Roles.Administrator)).PostAsync("/api/v1/audit/checkpoints", null)).AssertProblemAsync(409);
        Assert.Equal("/problems/audit/chain-broken", refused.GetProperty("type").GetString());
    }

    /// <summary>校验审计链 as a person clicks it: the form posts, and the browser follows the redirect to the result.</summary>
    private static async Task<string> VerifyAsync(HttpClient client)
    {
        var posted = await ZhengzhaoFactory.PostFormAsync(client, "/Audit?handler=Verify", [], formPage: "/Audit");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return await client.GetStringAsync(posted.Headers.Location);
    }

    [Fact]
    public async Task The_verify_page_writes_a_checkpoint_on_demand_shows_the_last_one_checked_and_prints_it()
    {
        await using var factory = new ZhengzhaoFactory();
        var client = await factory.CookieClientAsync(Roles.Oversight);

        var before = await VerifyAsync(client);
        Assert.Contains("尚未签发检查点", before, StringComparison.Ordinal);

        var written = await ZhengzhaoFactory.PostFormAsync(client, "/Audit?handler=Checkpoint", [], formPage: "/Audit");
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var shown = await client.GetStringAsync(written.Headers.Location);
        Assert.Contains("已签发检查点", shown, StringComparison.Ordinal);
        Assert.Contains("签名内容", shown, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "audit.checkpoint-written")));

        var log = await client.GetStringAsync("/Audit");
        Assert.Contains(">签发审计检查点<", log, StringComparison.Ordinal);
        Assert.DoesNotContain(">audit.checkpoint-written<", log, StringComparison.Ordinal);

        var verified = await VerifyAsync(client);
        Assert.Contains("审计链完整", verified, StringComparison.Ordinal);
        Assert.Contains("最近的检查点", verified, StringComparison.Ordinal);
        Assert.Contains("一致（签名有效", verified, StringComparison.Ordinal);

        var printable = await client.GetStringAsync("/Audit/Checkpoint");
        Assert.Contains("zhengzhao-audit-checkpoint/1", printable, StringComparison.Ordinal);
        Assert.Contains("签名有效", printable, StringComparison.Ordinal);

        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode);
    }

    [Fact]
    public async Task A_chain_rebuilt_after_an_older_checkpoint_fails_against_the_newer_one_though_a_copy_of_the_older_is_filed_last()
    {
        await using var factory = new ZhengzhaoFactory();
        var older = await WriteAsync(factory);
        var newer = await WriteAsync(factory);
        var files = Directory.GetFiles(factory.CheckpointFolder).Order(StringComparer.Ordinal).ToArray();

        // The holder of the chain key rewrites the entries the older checkpoint does not cover, and files a copy of the
        // older checkpoint, whose signature is genuine, under a name that sorts after every other.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'intruder' WHERE \"Sequence\" = {older.LastSequence + 1}"));
        await ResealFromAsync(factory, older.LastSequence + 1);
        File.Copy(files[0], Path.Combine(factory.CheckpointFolder, "checkpoint-999999999999-20991231T000000Z.json"));

        var verdict = await VerifyAsync(factory);

        Assert.Null(verdict.Break);
        Assert.False(verdict.Intact);
        Assert.True(verdict.Checkpoint!.Holds);
        var contradicted = Assert.Single(verdict.Contradicted, c => c.Checkpoint?.LastSequence == newer.LastSequence);
        Assert.Equal(Path.GetFileName(files[1]), contradicted.FileName);
        Assert.Contains("重建", contradicted.Contradiction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_cut_after_an_older_checkpoint_and_grown_again_contradicts_every_checkpoint_after_the_cut()
    {
        await using var factory = new ZhengzhaoFactory();
        var older = await WriteAsync(factory);
        var newer = await WriteAsync(factory);
        var newest = await WriteAsync(factory);

        // Someone with database access cuts the entries after the oldest checkpoint; the platform goes on recording.
        await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence > older.LastSequence).ExecuteDeleteAsync());
        for (var i = 0; i < 5; i++)
        {
            await factory.WithDbAsync(db =>
            {
                db.Record(new("demo-regulator"), factory.Clock, "test.regrown", "Test", i.ToString(CultureInfo.InvariantCulture), "之后照常记录");
                return db.SaveChangesAsync();
            });
        }

        var verdict = await VerifyAsync(factory);

        Assert.Null(verdict.Break);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.LongCountAsync()) > newest.Count);
        Assert.Equal(3, verdict.CheckpointsChecked);
        Assert.Equal([newer.LastSequence, newest.LastSequence], verdict.Contradicted.Select(c => c.Checkpoint!.LastSequence));
        Assert.All(verdict.Contradicted, c => Assert.Contains("重建", c.Contradiction, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corrupt_and_a_forged_older_checkpoint_file_are_each_reported_by_name_while_the_newest_holds()
    {
        await using var factory = new ZhengzhaoFactory();
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var head = await factory.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync());
        var store = new AuditCheckpointStore(factory.CheckpointFolder);
        var forged = await store.WriteAsync(AuditCheckpoints.Sign(1, 1, head.Hash, factory.Clock.GetUtcNow().AddDays(-2), "test-1", forger), default);
        await File.WriteAllTextAsync(Path.Combine(factory.CheckpointFolder, "checkpoint-000000000001-20200101T000000Z.json"), "{ not json");
        await File.WriteAllBytesAsync(Path.Combine(factory.CheckpointFolder, "checkpoint-000000000001-20200102T000000Z.json"), new byte[AuditCheckpointStore.MaxFileBytes + 1]);
        await WriteAsync(factory, expectIntact: false);

        var verdict = await VerifyAsync(factory);

        Assert.Null(verdict.Break);
        Assert.True(verdict.Checkpoint!.Holds);
        Assert.Equal(4, verdict.CheckpointsChecked);
        Assert.Equal(["checkpoint-000000000001-20200101T000000Z.json", "checkpoint-000000000001-20200102T000000Z.json", forged], verdict.Contradicted.Select(c => c.FileName));
        Assert.Contains("无法读取", verdict.Contradicted[0].Contradiction, StringComparison.Ordinal);
        Assert.Contains("过大", verdict.Contradicted[1].Contradiction, StringComparison.Ordinal);
        Assert.Contains("签名无效", verdict.Contradicted[2].Contradiction, StringComparison.Ordinal);
        Assert.False(verdict.Intact);

        var api = await (await (await factory.BearerClientAsync(Roles.Oversight)).GetAsync("/api/v1/audit/verify")).ReadAsAsync<VerdictResponse>();
        Assert.Equal(3, api.Contradicted.Count);
        Assert.Contains("无法读取", api.Reason, StringComparison.Ordinal);
    }

    private static async Task<AuditCheckpoint> WriteAsync(ZhengzhaoFactory factory, bool expectIntact = true)
    {
        var checkpoint = expectIntact
            ? (await factory.WithUseCaseAsync<WriteAuditCheckpoint, Common.Result<WriteAuditCheckpoint.Written>>(w => w.HandleAsync(new("demo-oversight")))).Value?.Checkpoint
            : await SignHeadAsync(factory);
        Assert.NotNull(checkpoint);
        Assert.Equal(expectIntact, (await VerifyAsync(factory)).Intact);
        return checkpoint;
    }

    /// <summary>Signs the head as the office would, for a folder that already holds bad files (which stop the use case).</summary>
    private static async Task<AuditCheckpoint> SignHeadAsync(ZhengzhaoFactory factory)
    {
        var head = await factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync());
        var checkpoint = AuditCheckpoints.Sign(head.Sequence, head.Sequence, head.Hash, factory.Clock.GetUtcNow(), head.KeyId ?? WriteAuditCheckpoint.LegacyChainKeyId, factory.CheckpointKey);
        await new AuditCheckpointStore(factory.CheckpointFolder).WriteAsync(checkpoint, default);
        return checkpoint;
    }

    /// <summary>What a holder of the chain key does after changing an entry: re-seals it and every later one.</summary>
    private static Task<int> ResealFromAsync(ZhengzhaoFactory factory, long sequence) =>
        factory.WithDbAsync(async db =>
        {
            var keys = factory.Services.GetRequiredService<AuditKeyRing>();
            var entries = await db.AuditEntries.Where(e => e.Sequence >= sequence - 1).OrderBy(e => e.Sequence).ToListAsync();
            for (var i = 1; i < entries.Count; i++)
            {
                entries[i].Seal(entries[i].Sequence, entries[i - 1].Hash, keys);
            }

            return await db.SaveChangesAsync();
        });

    private static Task<VerifyAuditChain.Verdict> VerifyAsync(ZhengzhaoFactory factory) =>
        factory.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(v => v.HandleAsync());
}
