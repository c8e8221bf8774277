using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>The reform office's rollout plan: list it, add a line (a catalogue or one item, a region, a start date), remove one.</summary>
public sealed class EditRollout(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record AddLine(CatalogKind Kind, string? ItemCode, string RegionCode, DateOnly From, string Note, Actor Actor);

    public async Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Rollouts.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.From).ThenBy(r => r.RegionCode).ToListAsync(cancellationToken);

    public async Task<Result<Rollout>> AddAsync(AddLine command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var itemCode = string.IsNullOrWhiteSpace(command.ItemCode) ? null : command.ItemCode.Trim().ToUpperInvariant();
        if (itemCode is not null && ItemRules.CodeProblem(itemCode) is { } codeProblem)
        {
            return Invalid(codeProblem);
        }

        if (command.RegionCode is not { Length: 6 } || !await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
        {
            return Invalid(command.RegionCode is { Length: 6 } ? $"区划代码“{command.RegionCode}”不存在。" : "区划代码应为6位数字。");
        }

        if (itemCode is not null && !await db.LicensingItems.AnyAsync(i => i.Code == itemCode && i.Kind == command.Kind, cancellationToken))
        {
            return Invalid($"{CatalogTerms.Name(command.Kind)}中没有编码为“{itemCode}”的事项。");
        }

        var errors = new FieldErrors();
        var note = errors.OptionalText("note", command.Note, TextLimits.Address, "说明") ?? string.Empty;
        if (errors.Any)
        {
            return errors.Refusal("catalog/invalid-rollout", "推广计划无效");
        }

        if (await db.Rollouts.AnyAsync(r => r.Kind == command.Kind && r.ItemCode == itemCode && r.RegionCode == command.RegionCode && r.From == command.From, cancellationToken))
        {
            return CatalogRefusals.DuplicateRollout();
        }

        var line = new Rollout(command.Kind, itemCode, command.RegionCode, command.From, note);
        db.Rollouts.Add(line);
        db.Record(command.Actor, time, "catalog.rollout-added", nameof(Rollout), line.Id.ToString(), $"无 → {Describe(line)}");
        await db.SaveChangesAsync(cancellationToken);
        return line;
    }

    public async Task<Result<Rollout>> RemoveAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var line = await db.Rollouts.FindAsync([id], cancellationToken);
        if (line is null)
        {
            return CatalogRefusals.RolloutNotFound();
        }

        db.Rollouts.Remove(line);
        db.Record(actor, time, "catalog.rollout-removed", nameof(Rollout), line.Id.ToString(), $"{Describe(line)} → 无");
        await db.SaveChangesAsync(cancellationToken);
        return line;
    }

    private static string Describe(Rollout r) => $"{CatalogTerms.Name(r.Kind)}{(r.ItemCode is null ? "全部事项" : $"事项 {r.ItemCode}")}自 {r.From:yyyy-MM-dd} 起在 {r.RegionCode} 实施";

    private static Refusal Invalid(string detail) => new("catalog/invalid-rollout", "推广计划无效", detail);
}
