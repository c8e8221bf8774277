using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

public sealed class GroupCommitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private GroupCommit Commits => factory.Services.GetRequiredService<GroupCommit>();

    [Fact]
    public async Task A_write_that_fails_or_is_refused_in_a_batch_leaves_nothing_and_the_others_commit()
    {
        // The first write holds its batch open until the rest are queued, so they are all written in the next batch.
        var holding = new TaskCompletionSource();
        var first = Commits.RunAsync(async (services, _) =>
        {
            await holding.Task;
            return Append(services, "first");
        });
        var kept = Commits.RunAsync((services, _) => Task.FromResult(Append(services, "kept")));
        var failed = Commits.RunAsync<int>((services, _) =>
        {
            Append(services, "failed");
            throw new InvalidOperationException("写入中途失败");
        });
        var refused = Commits.RunAsync<int>((services, _) =>
        {
            Append(services, "refused");
            return Task.FromResult<Result<int>>(new Refusal("test/refused", "拒绝", "按规则拒绝"));
        });
        var last = Commits.RunAsync((services, _) => Task.FromResult(Append(services, "last")));
        holding.SetResult();

        Assert.True((await first).IsSuccess);
        Assert.True((await kept).IsSuccess);
        Assert.Equal("写入中途失败", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        Assert.Equal("test/refused", (await refused).Refusal!.Type);
        Assert.True((await last).IsSuccess);

        string[] names = ["first", "kept", "failed", "refused", "last"];
        var written = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "test.group-commit" && names.Contains(e.EntityId)).OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync());
        Assert.Equal(["first", "kept", "last"], written);

        // The entries rolled back under their savepoints left no gap in the chain.
        var verdict = await factory.WithUseCaseAsync<VerifyAuditChain, VerifyAuditChain.Verdict>(verify => verify.HandleAsync());
        Assert.True(verdict.Intact, verdict.Break?.Reason);
    }

    [Fact]
    public async Task A_write_the_database_refuses_is_undone_alone_and_the_batch_goes_on()
    {
        // On PostgreSQL a failed statement aborts the whole transaction until it is rolled back to the write's savepoint.
        var application = Guid.NewGuid();
        var holding = new TaskCompletionSource();
        var first = Commits.RunAsync(async (services, _) =>
        {
            await holding.Task;
            return Append(services, "unique-first");
        });
        var kept = Commits.RunAsync((services, _) => Task.FromResult(Warn(services, "unique-kept")));
        var clash = Commits.RunAsync((services, _) => Task.FromResult(Warn(services, "unique-clash")));
        var after = Commits.RunAsync((services, _) => Task.FromResult(Append(services, "unique-after")));
        holding.SetResult();

        Assert.True((await first).IsSuccess);
        Assert.True((await kept).IsSuccess);
        await Assert.ThrowsAsync<DbUpdateException>(() => clash);
        Assert.True((await after).IsSuccess);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DeadlineWarnings.CountAsync(w => w.SubjectId == application)));
        string[] names = ["unique-first", "unique-kept", "unique-clash", "unique-after"];
        var written = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "test.group-commit" && names.Contains(e.EntityId)).OrderBy(e => e.Sequence).Select(e => e.EntityId).ToListAsync());
        Assert.Equal(["unique-first", "unique-kept", "unique-after"], written);

        Result<int> Warn(IServiceProvider services, string name)
        {
            services.GetRequiredService<ZhengzhaoDbContext>().DeadlineWarnings.Add(new DeadlineWarningSent("licensing.committed", application, new DateOnly(2026, 12, 10), 3, DateTime.UtcNow));
            return Append(services, name);
        }
    }

    [Fact]
    public async Task A_write_withdrawn_while_it_waits_is_not_run()
    {
        var holding = new TaskCompletionSource();
        var first = Commits.RunAsync(async (services, _) =>
        {
            await holding.Task;
            return Append(services, "before-withdrawn");
        });
        using var withdraw = new CancellationTokenSource();
        var withdrawn = Commits.RunAsync((services, _) => Task.FromResult(Append(services, "withdrawn")), withdraw.Token);
        await withdraw.CancelAsync();
        holding.SetResult();

        Assert.True((await first).IsSuccess);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "test.group-commit" && e.EntityId == "withdrawn")));
    }

    private static Result<int> Append(IServiceProvider services, string name)
    {
        services.GetRequiredService<ZhengzhaoDbContext>().Record(new Actor("group-commit-test"), TimeProvider.System, "test.group-commit", "Test", name, $"批量提交：{name}");
        return 1;
    }
}
