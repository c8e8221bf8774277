using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Common;

namespace Zhengzhao.Persistence;

/// <summary>
/// Group commit for hot writes (ADR 17): writes that arrive while a batch is being written wait, and are then run one
/// after another in one transaction, each under its own savepoint, and committed once. A write that throws or is refused
/// is rolled back to its savepoint alone; the others commit. Every caller is answered only after the commit that made
/// its write durable, or with the failure that undid it.
/// <para>
/// Why: SQLite takes one writer at a time, and a filing held the lock for about 3.4 ms, a third of it the commit (the
/// WAL pages and the fsync). Writers queued in SQLite's busy handler sleeping with the lock free, blocking a thread
/// each. Here the waiting is an awaited task, the lock passes from write to write with no gap, and the commit, the
/// index pages and the audit tail read are shared by the batch (docs/benchmarks.md). PostgreSQL takes the same path:
/// its audit appends take turns anyway.
/// </para>
/// Each batch has its own service scope; a write resolves what it needs from the provider it is given, so everything
/// it adds goes into the batch's unit of work, which this class saves. Only one batch runs at a time per process: the
/// caller that finds no batch running starts the drain, off its own execution context.
/// </summary>
public sealed partial class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> logger)
{
    /// <summary>At most this many writes share a commit, so the first of a long queue is not kept waiting for the last.</summary>
    public const int MaxBatch = 32;

    private const string Savepoint = "group_commit_write";

    // Not single-reader: a drain that is ending peeks while the next one may already be reading.
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>();
    private int _draining;

    /// <summary>
    /// Runs <paramref name="write"/> in the next batch and saves what it added. A refusal adds nothing: the write's
    /// savepoint is rolled back. <paramref name="cancellationToken"/> withdraws the write only while it waits.
    /// </summary>
    public async Task<Result<T>> RunAsync<T>(Func<IServiceProvider, CancellationToken, Task<Result<T>>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var queued = new Write<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new InvalidOperationException("The write queue is closed.");
        }

        StartDrainIfIdle();
        return await queued.Outcome.Task;
    }

    private void StartDrainIfIdle()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // The drain serves every caller, so it carries none of this caller's context (request, culture, activity).
            ThreadPool.UnsafeQueueUserWorkItem(static commits => _ = commits.DrainAsync(), this, preferLocal: false);
        }
    }

    private async Task DrainAsync()
    {
        do
        {
            for (var batch = TakeBatch(); batch.Count > 0; batch = TakeBatch())
            {
                await WriteBatchAsync(batch);
            }

            // A full fence, so that a write queued just now either is seen below or finds the flag clear and starts a drain.
            Interlocked.Exchange(ref _draining, 0);
        }
        while (_queue.Reader.TryPeek(out _) && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);
    }

    private List<IWrite> TakeBatch()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
        {
            batch.Add(write);
        }

        return batch;
    }

    private async Task WriteBatchAsync(List<IWrite> batch)
    {
        var committed = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();

            // Each write has its own savepoint; EF's own inside SaveChanges would double PostgreSQL's subtransactions.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var write in batch.Where(w => !w.Withdrawn))
            {
                await transaction.CreateSavepointAsync(Savepoint);
                try
                {
                    if (await write.RunAsync(scope.ServiceProvider))
                    {
                        await db.SaveChangesAsync();
                    }
                    else
                    {
                        await transaction.RollbackToSavepointAsync(Savepoint);
                    }
                }
#pragma warning disable CA1031 // The failure is the write's own answer; the batch goes on without it.
                catch (Exception failure)
#pragma warning restore CA1031
                {
                    // Recorded first: if rolling back fails too, the caller still learns what its write ran into.
                    write.Failed(failure);
                    await transaction.RollbackToSavepointAsync(Savepoint);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }

                await transaction.ReleaseSavepointAsync(Savepoint);
            }

            await transaction.CommitAsync();
            committed = true;
        }
#pragma warning disable CA1031 // Beginning or committing failed: nothing of the batch is written, and every caller is told why.
        catch (Exception failure) when (!committed)
#pragma warning restore CA1031
        {
            batch.ForEach(w => w.BatchFailed(failure));
        }
#pragma warning disable CA1031 // After the commit: the writes are durable, and disposing cannot undo them.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogDisposeFailed(failure);
        }

        // Answered only now, after the commit: a caller told its write failed on a duplicate then finds the write that
        // won, even when both were in this batch.
        batch.ForEach(w => w.Answer());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A committed group-commit batch failed to release its connection")]
    private partial void LogDisposeFailed(Exception failure);

    private interface IWrite
    {
        bool Withdrawn { get; }

        /// <summary>Runs the write; false when it was refused and must leave nothing behind.</summary>
        Task<bool> RunAsync(IServiceProvider services);

        /// <summary>The write failed: that is its answer.</summary>
        void Failed(Exception failure);

        /// <summary>The batch failed to begin or to commit: the answer of every write but one refused, which wrote nothing anyway.</summary>
        void BatchFailed(Exception failure);

        /// <summary>Tells the caller how its write ended: its result, its failure, or withdrawn before it ran.</summary>
        void Answer();
    }

    private sealed class Write<T>(Func<IServiceProvider, CancellationToken, Task<Result<T>>> write, CancellationToken cancellationToken) : IWrite
    {
        private Result<T>? _result;
        private Exception? _failure;

        public TaskCompletionSource<Result<T>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Withdrawn => cancellationToken.IsCancellationRequested;

        public async Task<bool> RunAsync(IServiceProvider services)
        {
            // Once begun, a write runs to the end of its batch: a client that goes away must not leave half of it.
            _result = await write(services, CancellationToken.None);
            return _result.Value.IsSuccess;
        }

        public void Failed(Exception failure) => _failure ??= failure;

        public void BatchFailed(Exception failure)
        {
            if (_result is not { IsSuccess: false })
            {
                Failed(failure);
            }
        }

        public void Answer()
        {
            if (_failure is not null)
            {
                Outcome.TrySetException(_failure);
            }
            else if (_result is { } result)
            {
                Outcome.TrySetResult(result);
            }
            else
            {
                Outcome.TrySetCanceled(cancellationToken);
            }
        }
    }
}
