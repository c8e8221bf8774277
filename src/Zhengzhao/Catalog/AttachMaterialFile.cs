using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>
/// Attaches a blank template or a filled sample to one material of an item. The file changes what the guide
/// publishes, so it goes into the draft (started from the current version if there is none) to be published.
/// </summary>
public sealed class AttachMaterialFile(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public enum Slot
    {
        Template,
        Sample,
    }

    public sealed record Command(string Code, string MaterialName, Slot Slot, string FileName, byte[] Content, Actor Actor);

    public async Task<Result<MaterialFile>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (contentType, reason) = MaterialFileTypes.Check(command.FileName, command.Content);
        if (reason is not null)
        {
            return CatalogRefusals.InvalidFile(reason);
        }

        var item = await db.FindItemAsync(command.Code, cancellationToken);
        if (item is null)
        {
            return CatalogRefusals.NotFound(command.Code);
        }

        var content = (item.Draft ?? item.LatestPublished)!.Content;
        if (content.Materials.All(m => m.Name != command.MaterialName))
        {
            return CatalogRefusals.MaterialNotFound(item.Code, command.MaterialName);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var file = new MaterialFile(Path.GetFileName(command.FileName), contentType!, command.Content, command.Actor.UserName, now);
        var materials = content.Materials
            .Select(m => m.Name != command.MaterialName ? m : command.Slot == Slot.Template ? m with { Template = file.Id } : m with { Sample = file.Id })
            .ToList();
        var saved = item.SaveDraft(content with { Materials = materials }, now);
        if (!saved.IsSuccess)
        {
            return saved.Refusal;
        }

        db.MaterialFiles.Add(file);
        db.Record(command.Actor, time, "catalog.material-file-attached", nameof(LicensingItem), $"{item.Code}/v{saved.Value.Number}", $"{command.MaterialName}：{(command.Slot == Slot.Template ? "模板" : "样本")} → {file.FileName}（{file.Length} 字节，SHA-256 {file.Sha256[..12]}…）");
        return await db.SaveItemsAsync(cancellationToken) is { } conflict ? conflict : file;
    }
}
