using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Catalog;

/// <summary>
/// Imports the catalogue from a spreadsheet: every row is checked before anything is written; a file with any bad
/// row writes nothing; a good file is written in one audited transaction; a row equal to the item's current version
/// changes nothing, so importing the same file twice is harmless.
/// </summary>
public sealed class ImportCatalog(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>What a catalogue workbook may hold: the whole of it is checked in memory before anything is written.</summary>
    public static readonly SheetLimits Limits = new(MaxPartBytes: 64L << 20, MaxStringTableChars: 8L << 20, MaxRows: 5_001, MaxColumns: 64, MaxCellLength: SheetLimits.ExcelCellLength);

    public sealed record Command(Stream File, long Length, Actor Actor);

    /// <param name="Problems">In row order, at most <see cref="ImportProblems.Listed"/>; <see cref="ProblemsFound"/> counts them all.</param>
    public sealed record Outcome(string? FileError, IReadOnlyList<SheetProblem> Problems, int Created, int Updated, int Unchanged)
    {
        public bool Succeeded => FileError is null && Problems.Count == 0;

        /// <summary>Every problem the file has, listed or not.</summary>
        public int ProblemsFound { get; init; }
    }

    public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Length == 0)
        {
            return Failed("文件是空的。");
        }

        if (command.Length > MaxBytes)
        {
            return Failed($"文件超过 {MaxBytes / 1024 / 1024} MB，请分批导入。");
        }

        using var buffer = new MemoryStream();
        await command.File.CopyToAsync(buffer, cancellationToken);
        var read = ReadSheet(buffer, cancellationToken);
        if (read.FileError is not null)
        {
            return Failed(read.FileError);
        }

        var departments = await db.Departments.AsNoTracking().Where(d => d.IsActive).ToListAsync(cancellationToken);
        var problems = new List<SheetProblem>(read.Problems);
        var rows = new List<SheetItem>();
        foreach (var (row, cells) in read.Rows)
        {
            var (item, rowProblems) = CatalogSheet.ReadRow(read.Sheet, row, cells, departments);
            problems.AddRange(rowProblems);
            if (item is not null)
            {
                rows.Add(item);
            }
        }

        problems.AddRange(rows.GroupBy(r => r.Code).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1))
            .Select(r => new SheetProblem(read.Sheet, r.Row, "事项编码", $"事项编码 {r.Code} 在文件中重复出现。")));

        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.LicensingItems.Include(i => i.Versions).Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, cancellationToken);
        var today = ChinaTime.Today(time);
        var changed = new List<(SheetItem Row, LicensingItem? Item)>();
        var unchanged = 0;
        foreach (var sheetRow in rows)
        {
            var item = existing.GetValueOrDefault(sheetRow.Code);
            var row = sheetRow with { Content = sheetRow.Content.WithFilesOf(item?.Draft?.Content ?? item?.LatestPublished?.Content) };
            if (item is not null && Same(item, row))
            {
                unchanged++;
                continue;
            }

            if (CheckChange(read.Sheet, row, item, today) is { } problem)
            {
                problems.Add(problem);
            }

            changed.Add((row, item));
        }

        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (row, found) in changed)
        {
            var item = found ?? db.LicensingItems.Add(new LicensingItem(row.Code, row.Kind, now)).Entity;
            item.SaveDraft(row.Content, now);
            var version = item.Publish(row.ValidFrom ?? today, command.Actor.UserName, now).Value!;
            db.Record(command.Actor, time, "catalog.imported", nameof(LicensingItem), $"{row.Code}/v{version.Number}", $"{(found is null ? "新建" : "更新")}（第 {row.Row} 行），自 {version.ValidFrom:yyyy-MM-dd} 起施行");
        }

        var created = changed.Count(c => c.Item is null);
        if (changed.Count > 0)
        {
            db.Record(command.Actor, time, "catalog.import-completed", nameof(LicensingItem), "*", $"导入 {rows.Count} 行：新建 {created}，更新 {changed.Count - created}，未变 {unchanged}");
            if (await db.SaveItemsAsync(cancellationToken) is { } conflict)
            {
                return Failed(conflict.Detail);
            }
        }

        return new Outcome(null, [], created, changed.Count - created, unchanged);
    }

    private static bool Same(LicensingItem item, SheetItem row) =>
        item.Draft is null && item.LatestPublished is { } latest && item.Kind == row.Kind && item.RetiredOn is null
        && CatalogJson.Write(latest.Content) == CatalogJson.Write(row.Content)
        && (row.ValidFrom is null || row.ValidFrom <= latest.ValidFrom);

    private static SheetProblem? CheckChange(string sheet, SheetItem row, LicensingItem? item, DateOnly today)
    {
        if (item is null)
        {
            return null;
        }

        if (item.Kind != row.Kind)
        {
            return new SheetProblem(sheet, row.Row, "目录", $"事项 {row.Code} 已属于{CatalogTerms.Name(item.Kind)}，不能改为{CatalogTerms.Name(row.Kind)}。");
        }

        if (item.RetiredOn is not null)
        {
            return new SheetProblem(sheet, row.Row, "事项编码", $"事项 {row.Code} 已废止，不能再导入新版本。");
        }

        if (item.Draft is not null)
        {
            return new SheetProblem(sheet, row.Row, "事项编码", $"事项 {row.Code} 有未发布的草稿，请先在“版本”页面发布后再导入，以免覆盖。");
        }

        var from = row.ValidFrom ?? today;
        return item.LatestPublished is { } latest && from <= latest.ValidFrom
            ? new SheetProblem(sheet, row.Row, "生效日期", $"内容有变化，新版本的生效日期须晚于现行第 {latest.Number} 版的 {latest.ValidFrom:yyyy-MM-dd}。")
            : null;
    }

    private static Outcome Failed(string error) => new(error, [], 0, 0, 0);

    /// <summary>A file of wrong rows repeats a few mistakes: the first ones are listed and the rest counted, as the company import reports them.</summary>
    private static Outcome Refused(List<SheetProblem> problems) =>
        new(null, [.. problems.OrderBy(p => p.Row).Take(ImportProblems.Listed)], 0, 0, 0) { ProblemsFound = problems.Count };

    private sealed record SheetRead(string Sheet, IReadOnlyList<(int Row, IReadOnlyDictionary<string, string> Cells)> Rows, IReadOnlyList<SheetProblem> Problems, string? FileError);

    /// <summary>
    /// Opens the workbook and maps each data row's cells to the header's column names. The rows are streamed: a wrong
    /// header is refused before any other row is read, and a file past <see cref="Limits"/> is refused as it is met.
    /// </summary>
    private static SheetRead ReadSheet(MemoryStream buffer, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        if (!Spreadsheet.LooksLikeWorkbook(buffer))
        {
            return new SheetRead(string.Empty, [], [], "文件不是 Excel 工作簿（.xlsx）。请使用“导出”得到的模板填写后上传。");
        }

        try
        {
            var sheets = Spreadsheet.SheetNames(buffer, Limits);
            var sheet = sheets.Contains(CatalogSheet.SheetName) || sheets.Count == 0 ? CatalogSheet.SheetName : sheets[0];
            using var rows = Spreadsheet.ReadRows(buffer, Limits, sheet, cancellationToken).GetEnumerator();
            if (!rows.MoveNext())
            {
                return new SheetRead(sheet, [], [], "工作簿是空的。");
            }

            var header = rows.Current.Cells.Select((name, index) => (Name: name, Index: index)).Where(c => c.Name.Length > 0).ToList();
            var headerProblems = CatalogSheet.CheckHeader([.. header.Select(c => c.Name)], sheet);
            if (headerProblems.Count > 0)
            {
                return new SheetRead(sheet, [], headerProblems, null);
            }

            var read = new List<(int Row, IReadOnlyDictionary<string, string> Cells)>();
            while (rows.MoveNext())
            {
                var (row, cells) = rows.Current;
                if (header.Exists(h => h.Index < cells.Length && cells[h.Index].Length > 0))
                {
                    read.Add((row, header.ToDictionary(h => h.Name, h => h.Index < cells.Length ? cells[h.Index] : string.Empty)));
                }
            }

            return read.Count == 0 ? new SheetRead(sheet, [], [], "工作簿中没有事项数据行。") : new SheetRead(sheet, read, [], null);
        }
        catch (SheetLimitException e)
        {
            return new SheetRead(string.Empty, [], [], $"未导入任何数据：{e.Message}");
        }
        catch (Exception e) when (Spreadsheet.IsUnreadable(e))
        {
            return new SheetRead(string.Empty, [], [], "文件已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取。");
        }
    }
}
