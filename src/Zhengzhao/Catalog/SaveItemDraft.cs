using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>Creates an item, or saves new content as its draft version, for the reform office to publish.</summary>
public sealed class SaveItemDraft(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Code, CatalogKind Kind, ItemContent Content, Actor Actor)
    {
        /// <summary>Set by the new-item form: an existing code is then a conflict, not an edit.</summary>
        public bool IsNew { get; init; }
    }

    public async Task<Result<ItemVersion>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = command.Code.Trim().ToUpperInvariant();
        if (ItemRules.CodeProblem(code) is { } codeProblem)
        {
            return Invalid([new("事项编码", codeProblem)]);
        }

        var problems = ItemRules.Validate(command.Content).ToList();
        if (!await db.Departments.AnyAsync(d => d.Code == command.Content.DepartmentCode && d.IsActive, cancellationToken))
        {
            problems.Add(new("审批部门", $"部门代码“{command.Content.DepartmentCode}”不存在或已停用。"));
        }

        if (command.Content.IndustryAuthorityCode is { } authority && !await db.Departments.AnyAsync(d => d.Code == authority && d.IsActive, cancellationToken))
        {
            problems.Add(new("行业主管部门", $"部门代码“{authority}”不存在或已停用。"));
        }

        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var item = await db.FindItemAsync(code, cancellationToken);
        if (item is null)
        {
            item = new LicensingItem(code, command.Kind, now);
            db.LicensingItems.Add(item);
        }
        else if (command.IsNew)
        {
            return CatalogRefusals.DuplicateCode(code);
        }
        else if (item.Kind != command.Kind)
        {
            return CatalogRefusals.KindMismatch(code, item.Kind, command.Kind);
        }

        var before = item.Draft?.Content ?? item.LatestPublished?.Content;
        var content = command.Content.WithFilesOf(before);
        var saved = item.SaveDraft(content, now);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        var changes = before is null ? "新建事项" : string.Join("、", VersionDiff.Between(before, content).Select(c => c.Field)) is { Length: > 0 } fields ? $"修改：{fields}" : "内容未变";
        db.Record(command.Actor, time, "catalog.draft-saved", nameof(LicensingItem), $"{code}/v{saved.Value.Number}", changes);
        return await db.SaveItemsAsync(cancellationToken) is { } conflict ? conflict : saved;
    }

    internal static Refusal Invalid(IReadOnlyList<ItemProblem> problems) =>
        new("catalog/invalid-item", "事项内容不完整", string.Join("；", problems.Select(p => $"{p.Field}：{p.Reason}")))
        {
            Errors = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
        };
}
