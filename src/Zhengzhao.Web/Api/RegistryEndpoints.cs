using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class RegistryEndpoints
{
    public sealed record RegistrationRequest(
        string? EventId,
        string? Kind,
        string? Uscc,
        string? Name,
        string? Type,
        string? LegalRepresentative,
        string? LegalRepresentativeId,
        string? Address,
        string? RegionCode,
        string? RegisteringAuthority,
        string? EstablishedOn,
        string? ApprovedOn,
        decimal? RegisteredCapital,
        string? BusinessScope);

    public sealed record PushedItem(string ItemCode, string Department, string Mode);

    /// <summary>The registration as recorded, and the pushes this delivery created (none on a redelivery).</summary>
    public sealed record RegistrationResponse(string Uscc, string Name, string EventId, bool Replayed, string Summary, IReadOnlyList<PushedItem> Pushed);

    public static RouteGroupBuilder MapRegistryEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/registry/registrations", async (RegistrationRequest request, ReceiveRegistration receive, HttpContext context, CancellationToken ct) =>
            {
                var kind = request.Kind switch
                {
                    null or "Registration" => RecordRegistration.EventKind.Registration,
                    "Change" => RecordRegistration.EventKind.Change,
                    _ => (RecordRegistration.EventKind?)null,
                };
                var established = ApiInput.OptionalDate(request.EstablishedOn, "establishedOn");
                var approved = ApiInput.OptionalDate(request.ApprovedOn, "approvedOn");
                if (kind is null || !established.IsSuccess || !approved.IsSuccess)
                {
                    return Problems.From(established.Refusal ?? approved.Refusal ?? new("invalid-input", "参数无效", $"kind 应为 Registration 或 Change，输入为“{request.Kind}”。"));
                }

                EnterpriseType? type = Enum.TryParse<EnterpriseType>(request.Type, out var parsed) && Enum.IsDefined(parsed) && request.Type is { Length: > 0 } t && !char.IsAsciiDigit(t[0]) ? parsed : null;
                var result = await receive.HandleAsync(
                    new(request.EventId, kind.Value, request.Uscc, request.Name, type, request.LegalRepresentative, request.LegalRepresentativeId, request.Address, request.RegionCode, request.RegisteringAuthority, established.Value, approved.Value, request.RegisteredCapital, request.BusinessScope, context.User.ToActor()),
                    ct);
                if (!result.IsSuccess)
                {
                    return Problems.From(result.Refusal!);
                }

                var r = result.Value!.Registration;
                var body = new RegistrationResponse(r.Uscc, r.Name, r.EventId, r.Replayed, r.Summary, [.. result.Value.NewPushes.Select(p => new PushedItem(p.ItemCode, p.DepartmentCode, p.Mode.ToString()))]);
                return r.Replayed || kind == RecordRegistration.EventKind.Change ? Results.Ok(body) : Results.Created($"/Registry/Enterprise/{r.Uscc}", body);
            })
            .RequireAuthorization(Roles.Regulator)
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithTags("企业登记 Registry")
            .WithName("RecordRegistration")
            .WithSummary("登记系统推送设立或变更登记；按（统一社会信用代码，事件编号）幂等，重复推送不产生变化")
            .Produces<RegistrationResponse>(StatusCodes.Status201Created)
            .Produces<RegistrationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
