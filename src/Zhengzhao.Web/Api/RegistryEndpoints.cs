using Microsoft.AspNetCore.Mvc;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
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

    public sealed record DeregistrationRequest(string? EventId, string? Uscc, string? DeregisteredOn, string? Reason);

    /// <param name="CancelledPermits">Permit numbers cancelled by this delivery (none on a redelivery that found nothing left).</param>
    /// <param name="ClosedApplications">Applications closed by this delivery, by number.</param>
    public sealed record DeregistrationResponse(string Uscc, string Name, string EventId, bool Replayed, string Summary, IReadOnlyList<string> CancelledPermits, IReadOnlyList<string> ClosedApplications);

    /// <summary>What an import did, with the address of its error report.</summary>
    public sealed record ImportResponse(Guid Id, string FileName, int Rows, int Imported, int Skipped, int Rejected, int Problems, string ErrorReport);

    public static RouteGroupBuilder MapRegistryEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/registry/imports").WithTags("企业登记 Registry").RequireAuthorization(Roles.Regulator);
        imports.MapPost("/", async (IFormFile? file, ImportCompanies import, HttpContext context, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return Problems.From(new("registry/import-no-file", "没有文件", "请以 multipart/form-data 上传字段名为 file 的 .csv 或 .xlsx 文件。"));
                }

                await using var stream = file.OpenReadStream();
                var result = await import.HandleAsync(new(stream, file.FileName, context.User.ToActor()), ct);
                if (!result.IsSuccess)
                {
                    return Problems.From(result.Refusal);
                }

                var o = result.Value;
                var report = $"/api/v1/registry/imports/{o.RunId}/errors";
                return Results.Created(report, new ImportResponse(o.RunId, o.FileName, o.Rows, o.Imported, o.Skipped, o.Rejected, o.Problems, report));
            })
            .DisableAntiforgery()
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimit))
            .WithFormOptions(multipartBodyLengthLimit: UploadLimit)
            .WithName("ImportCompanies")
            .WithSummary("批量导入存量市场主体（.csv 或 .xlsx）：有效行导入，有误行列入错误报告，已登记的代码跳过不改")
            .Produces<ImportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        imports.MapGet("/", async (ListImportRuns runs, CancellationToken ct) => Results.Ok(await runs.HandleAsync(cancellationToken: ct)))
            .WithName("ListImports")
            .WithSummary("最近的批量导入记录");

        imports.MapGet("/{id:guid}/errors", async (Guid id, ListImportRuns runs, CancellationToken ct) =>
            {
                var report = await runs.ErrorReportAsync(id, ct);
                return report.IsSuccess ? Results.File(report.Value.Report, CsvType, report.Value.FileName) : Problems.From(report.Refusal);
            })
            .WithName("ImportErrorReport")
            .WithSummary("下载导入的错误报告（CSV：行号、列、原因）")
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/template", () => Results.File(ImportCompanies.Template(), CsvType, "存量主体导入模板.csv"))
            .WithName("ImportTemplate")
            .WithSummary("下载导入模板（CSV，表头为中文列名）");

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
                    return Problems.From(established.Refusal ?? approved.Refusal ?? new("invalid-input", "参数无效", "kind 应为 Registration 或 Change。"));
                }

                EnterpriseType? type = Enum.TryParse<EnterpriseType>(request.Type, out var parsed) && Enum.IsDefined(parsed) && request.Type is { Length: > 0 } t && !char.IsAsciiDigit(t[0]) ? parsed : null;
                var result = await receive.HandleAsync(
                    new(request.EventId, kind.Value, request.Uscc, request.Name, type, request.LegalRepresentative, request.LegalRepresentativeId, request.Address, request.RegionCode, request.RegisteringAuthority, established.Value, approved.Value, request.RegisteredCapital, request.BusinessScope, context.User.ToActor()),
                    ct);
                if (!result.IsSuccess)
                {
                    return Problems.From(result.Refusal);
                }

                var r = result.Value.Registration;
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

        api.MapPost("/registry/deregistrations", async (DeregistrationRequest request, ReceiveDeregistration receive, HttpContext context, CancellationToken ct) =>
            {
                var on = ApiInput.OptionalDate(request.DeregisteredOn, "deregisteredOn");
                if (!on.IsSuccess)
                {
                    return Problems.From(on.Refusal);
                }

                var result = await receive.HandleAsync(new(request.EventId, request.Uscc, on.Value, request.Reason, context.User.ToActor()), ct);
                if (!result.IsSuccess)
                {
                    return Problems.From(result.Refusal);
                }

                var (r, permits, applications) = (result.Value.Deregistration, result.Value.CancelledPermits, result.Value.ClosedApplications);
                return Results.Ok(new DeregistrationResponse(r.Uscc, r.Name, r.EventId, r.Replayed, r.Summary, permits, applications));
            })
            .RequireAuthorization(Roles.Regulator)
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithTags("企业登记 Registry")
            .WithName("RecordDeregistration")
            .WithSummary("登记系统推送注销登记：主体状态改为注销，其有效证照一并注销、在办申请终止；按（统一社会信用代码，事件编号）幂等")
            .Produces<DeregistrationResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private const string CsvType = "text/csv; charset=utf-8";

    // The file plus the multipart framing around it.
    private const long UploadLimit = ImportCompanies.MaxBytes + (1024 * 1024);
}
