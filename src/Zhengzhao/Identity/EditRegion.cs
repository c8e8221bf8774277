using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Identity;

/// <summary>Renames a region or marks it as a pilot zone; codes are fixed by GB/T 2260 and never edited.</summary>
public sealed class EditRegion(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Code, string Name, bool IsPilotZone, Actor Actor);

    public async Task<Result<Region>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var region = await db.Regions.FindAsync([command.Code], cancellationToken);
        if (region is null)
        {
            return new Refusal("identity/region-not-found", "区划不存在", $"区划代码“{command.Code}”不存在。", RefusalKind.NotFound);
        }

        var name = command.Name.Trim();
        if (name.Length is 0 or > 50)
        {
            return new Refusal("identity/invalid-region", "区划信息无效", "请填写区划名称，不超过50个字。");
        }

        var before = $"{region.Name}{(region.IsPilotZone ? "（试点区）" : string.Empty)}";
        region.Edit(name, command.IsPilotZone);
        db.Record(command.Actor, time, "identity.region-edited", nameof(Region), region.Code, $"{before} → {region.Name}{(region.IsPilotZone ? "（试点区）" : string.Empty)}");
        await db.SaveChangesAsync(cancellationToken);
        return region;
    }
}
