using Zhengzhao.Audit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class AuditEndpoints
{
    public sealed record VerdictResponse(long EntriesChecked, bool Intact, long? BrokenAt, string? Reason);

    public sealed record EntryResponse(long Sequence, DateTimeOffset Time, string Actor, string Action, string EntityType, string EntityId, string Summary, string Hash);

    public sealed record PageResponse(int Total, int Page, int Pages, IReadOnlyList<EntryResponse> Items);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("审计 Audit").RequireAuthorization(IdentitySetup.AuditReadersPolicy);

        audit.MapGet("/verify", async (VerifyAuditChain verify, CancellationToken ct) =>
            {
                var verdict = await verify.HandleAsync(ct);
                return new VerdictResponse(verdict.EntriesChecked, verdict.Intact, verdict.Break?.Sequence, verdict.Break?.Reason);
            })
            .WithName("VerifyAuditChain")
            .WithSummary("校验审计哈希链，报告第一个断点");

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
