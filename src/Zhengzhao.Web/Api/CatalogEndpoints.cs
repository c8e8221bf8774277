using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Api;

public static class CatalogEndpoints
{
    public sealed record ItemSummary(string Code, string Name, string Department, string DepartmentName, string Mode, int StatutoryLimitDays, int CommittedLimitDays, string Catalog, int Version);

    /// <summary>What an import of the catalogue did: items created, given a new version, and left as they were.</summary>
    public sealed record ImportOutcomeView(int Created, int Updated, int Unchanged);

    public sealed record ItemList(int Total, IReadOnlyDictionary<string, int> CountsByMode, IReadOnlyList<ItemSummary> Items);

    public sealed record ItemDetail(string Code, string Name, string Department, string DepartmentName, string Mode, int StatutoryLimitDays, int CommittedLimitDays, string Catalog, int Version, DateOnly? ValidFrom, DateOnly? ValidTo, ItemContent Content);

    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        var items = api.MapGroup("/items").WithTags("事项目录 Catalog").AllowAnonymous();

        items.MapGet("/", async (string? mode, string? department, string? q, string? catalog, ListItems list, CancellationToken ct) =>
            {
                var parsedMode = ApiInput.OptionalEnum<ReformMode>(mode, "mode", "Filing、Commitment、Transparent、StrictAccess");
                var parsedCatalog = ApiInput.OptionalEnum<CatalogKind>(catalog, "catalog", "official、demo");
                if (!parsedMode.IsSuccess || !parsedCatalog.IsSuccess)
                {
                    return Problems.From(parsedMode.Refusal ?? parsedCatalog.Refusal!);
                }

                var listing = await list.HandleAsync(new(parsedMode.Value, department, q, parsedCatalog.Value), ct);
                return Results.Ok(new ItemList(
                    listing.Items.Count,
                    listing.CountsByMode.ToDictionary(c => c.Key.ToString(), c => c.Value),
                    [.. listing.Items.Select(i => new ItemSummary(i.Code, i.Name, i.DepartmentCode, i.DepartmentName, i.Mode.ToString(), i.StatutoryLimitDays, i.CommittedLimitDays, Catalog(i.Kind), i.Version))]));
            })
            .WithName("ListItems")
            .WithSummary("事项目录：按改革方式、部门、关键词和目录（official 官方 / demo 示例）筛选")
            .Produces<ItemList>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        items.MapGet("/{code}", async (string code, string? version, GetServiceGuide guide, CancellationToken ct) =>
            {
                int? number = null;
                if (!string.IsNullOrEmpty(version))
                {
                    var parsed = ApiInput.WholeNumber(version, "version");
                    if (!parsed.IsSuccess)
                    {
                        return Problems.From(parsed.Refusal);
                    }

                    number = parsed.Value;
                }

                var result = await guide.HandleAsync(new(code, number), ct);
                return result.ToHttpResult(g => new ItemDetail(g.Code, g.Content.Name, g.Content.DepartmentCode, g.DepartmentName, g.Content.Mode.ToString(), g.Content.StatutoryLimitDays, g.Content.CommittedLimitDays, Catalog(g.Kind), g.Version, g.ValidFrom, g.ValidTo, g.Content));
            })
            .WithName("GetItem")
            .WithSummary("一个事项的办事指南（默认现行版本，可用 version 指定版本）")
            .Produces<ItemDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var office = api.MapGroup("/items").WithTags("事项目录 Catalog").RequireAuthorization(Roles.ReformOffice);

        office.MapGet("/export", async (string? catalog, ExportCatalog export, TimeProvider time, CancellationToken ct) =>
            {
                var kind = ApiInput.OptionalEnum<CatalogKind>(catalog, "catalog", "official、demo");
                return kind.IsSuccess
                    ? Results.File(await export.HandleAsync(kind.Value, ct), SpreadsheetType, $"事项目录-{ChinaTime.Today(time):yyyyMMdd}.xlsx")
                    : Problems.From(kind.Refusal);
            })
            .WithName("ExportItems")
            .WithSummary("导出事项目录（.xlsx，审改办）");

        office.MapPost("/import", async (IFormFile? file, ImportCatalog import, HttpContext context, CancellationToken ct) =>
            {
                if (file is null)
                {
                    return Problems.From(new("catalog/import-no-file", "没有文件", "请以 multipart/form-data 上传字段名为 file 的 .xlsx 文件。"));
                }

                await using var stream = file.OpenReadStream();
                var outcome = await import.HandleAsync(new(stream, file.Length, context.User.ToActor()), ct);
                if (outcome.Succeeded)
                {
                    return Results.Ok(new ImportOutcomeView(outcome.Created, outcome.Updated, outcome.Unchanged));
                }

                return Results.Problem(
                    type: Problems.TypeBase + "catalog/import-refused",
                    title: "导入未执行",
                    detail: outcome.FileError ?? ImportProblems.Found(outcome.ProblemsFound) + "。",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["problems"] = outcome.Problems, ["problemsFound"] = outcome.ProblemsFound });
            })
            .DisableAntiforgery()
            .RequireAuthorization(IdentitySetup.BearerOnlyPolicy)
            .WithName("ImportItems").Produces<ImportOutcomeView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("导入事项目录（.xlsx，审改办）：任一行有误则不写入，错误按工作表、行、列列出");

        return api;
    }

    private const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string Catalog(CatalogKind kind) => kind.ToString().ToLowerInvariant();
}
