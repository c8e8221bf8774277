using Zhengzhao.Audit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class AuditEndpoints
{
    /// <summary>
    /// The chain's verdict: held against every checkpoint file, with the newest one's check (absent when none was
    /// written) and each one the chain contradicts.
    /// </summary>
    public sealed record VerdictResponse(long EntriesChecked, bool Intact, long? BrokenAt, string? Reason, CheckpointResult? Checkpoint, int CheckpointsChecked, IReadOnlyList<CheckpointResult> Contradicted);

    /// <summary>A checkpoint file checked: its time, count and last sequence, and whether the chain agrees with it.</summary>
    public sealed record CheckpointResult(string FileName, DateTimeOffset? Time, long? Count, long? LastSequence, bool Holds, string? Contradiction)
    {
        public static CheckpointResult Of(VerifyAuditChain.CheckpointCheck check) =>
            new(check.FileName, check.Checkpoint is { } cp ? Common.ChinaTime.ToChina(cp.Time.UtcDateTime) : null, check.Checkpoint?.Count, check.Checkpoint?.LastSequence, check.Holds, check.Contradiction);
    }

    public sealed record EntryResponse(long Sequence, DateTimeOffset Time, string Actor, string Action, string EntityType, string EntityId, string Summary, string Hash);

    public sealed record PageResponse(int Total, int Page, int Pages, IReadOnlyList<EntryResponse> Items);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计 Audit").RequireAuthorization(IdentitySetup.AuditReadersPolicy);

        audit.MapGet("/verify", async (VerifyAuditChain verify, CancellationToken ct) =>
            {
                var verdict = await verify.HandleAsync(ct);
                return new VerdictResponse(
                    verdict.EntriesChecked,
                    verdict.Intact,
                    verdict.Break?.Sequence,
                    verdict.Reason,
                    verdict.Checkpoint is { } newest ? CheckpointResult.Of(newest) : null,
                    verdict.CheckpointsChecked,
                    [.. verdict.Contradicted.Select(CheckpointResult.Of)]);
            })
            .WithName("VerifyAuditChain")
            .WithSummary("校验审计链（密钥哈希链），报告第一个断点，并与检查点目录中的每个签名检查点核对（截断、重建、伪造）");

        audit.MapPost("/checkpoints", async (WriteAuditCheckpoint write, HttpContext context, CancellationToken ct) =>
                (await write.HandleAsync(context.User.ToActor(), ct)).ToHttpResult(w => w.Checkpoint))
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("WriteAuditCheckpoint")
            .WithSummary("立即签发审计检查点（链头的条数、序号、哈希、时间，以检查点私钥签名），写入检查点目录")
            .Produces<AuditCheckpoint>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        audit.MapGet("/checkpoints/latest", async (AuditCheckpointStore store, CancellationToken ct) =>
                (await store.LatestAsync(ct)).Checkpoint is { } latest
                    ? Results.Ok(latest)
                    : Problems.From(new("audit/no-checkpoint", "尚无检查点", "尚未签发审计检查点，或最近的检查点文件无法读取。", Common.RefusalKind.NotFound)))
            .WithName("GetLatestAuditCheckpoint")
            .WithSummary("最近的审计检查点（原样，供交督查室留存和核验签名）")
            .Produces<AuditCheckpoint>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        audit.MapGet("/entries", async (string? actor, string? entity, string? from, string? to, string? page, ListAuditEntries list, CancellationToken ct) =>
            {
                var start = ApiInput.OptionalDate(from, "from");
                var end = ApiInput.OptionalDate(to, "to");
                var number = string.IsNullOrEmpty(page) ? 1 : ApiInput.WholeNumber(page, "page") is { IsSuccess: true } p ? p.Value : 0;
                if (!start.IsSuccess || !end.IsSuccess || number < 1)
                {
                    return Problems.From(start.Refusal ?? end.Refusal ?? new("invalid-input", "参数无效", "page 应为正整数。"));
                }

                var result = await list.HandleAsync(new(actor, entity, start.Value, end.Value, number), ct);
                return Results.Ok(new PageResponse(result.Total, result.Number, result.Count, [.. result.Entries.Select(e => new EntryResponse(e.Sequence, Common.ChinaTime.ToChina(e.Time), e.Actor, e.Action, e.EntityType, e.EntityId, e.Summary, e.Hash))]));
            })
            .WithName("ListAuditEntries")
            .WithSummary("审计记录（按操作人、对象、日期筛选，最新在前）");

        return api;
    }
}
