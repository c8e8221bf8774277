using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.ReferenceData;

/// <summary>Renames a region or marks it as a pilot zone; codes are fixed by GB/T 2260 and never edited.</summary>
public sealed class EditRegion(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxNameLength = 50;

    public sealed record Command(string Code, string Name, bool IsPilotZone, Actor Actor);

    public async Task<Result<Region>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var name = errors.Text("name", command.Name, MaxNameLength, "区划名称");
        if (errors.Any)
        {
            return errors.Refusal("identity/invalid-region", "区划信息无效");
        }

        var region = command.Code is { Length: 6 } ? await db.Regions.FindAsync([command.Code], cancellationToken) : null;
        if (region is null)
        {
            return ReferenceDataRefusals.RegionNotFound(command.Code);
        }

        var before = $"{region.Name}{(region.IsPilotZone ? "（试点区）" : string.Empty)}";
        region.Edit(name, command.IsPilotZone);
        db.Record(command.Actor, time, "identity.region-edited", nameof(Region), region.Code, $"{before} → {region.Name}{(region.IsPilotZone ? "（试点区）" : string.Empty)}");
        await db.SaveChangesAsync(cancellationToken);
        return region;
    }
}
