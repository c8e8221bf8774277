using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>
/// The catalogue as a spreadsheet in the import layout: each item's latest published version, retired items left out.
/// Formula-like text is neutralised, so a cell that looks like <c>=HYPERLINK(…)</c> stays text when it is edited.
/// </summary>
public sealed class ExportCatalog(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<byte[]> HandleAsync(CatalogKind? kind, CancellationToken cancellationToken = default)
    {
        var items = await db.LicensingItems.AsNoTracking().Include(i => i.Versions)
            .Where(i => i.RetiredOn == null && (kind == null || i.Kind == kind))
            .OrderBy(i => i.Kind).ThenBy(i => i.Code)
            .ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var rows = items
            .Where(i => i.LatestPublished is not null)
            .Select((item, index) =>
            {
                var version = item.LatestPublished!;
                return CatalogSheet.ToRow(index + 1, item.Code, item.Kind, version.Content, departments, version.ValidFrom)
                    .ToDictionary(c => c.Key, c => (object)SheetText.Neutralise(c.Value));
            })
            .ToList();

        // An empty catalogue still exports its header, so the file serves as the template.
        if (rows.Count == 0)
        {
            rows.Add(CatalogSheet.Columns.ToDictionary(c => c, _ => (object)string.Empty));
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: CatalogSheet.SheetName, cancellationToken: cancellationToken);
        return stream.ToArray();
    }
}
