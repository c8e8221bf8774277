using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>The registrar's record of bulk imports: the latest runs, and any run's error report for download.</summary>
public sealed class ListImportRuns(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Run(Guid Id, string FileName, string Sha256, string UserName, DateTime StartedAt, DateTime? FinishedAt, int Rows, int Imported, int Skipped, int Rejected, int Problems);

    public async Task<IReadOnlyList<Run>> HandleAsync(int take = 50, CancellationToken cancellationToken = default) =>
        await db.ImportRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAt)
            .Take(take)
            .Select(r => new Run(r.Id, r.FileName, r.Sha256, r.UserName, r.StartedAt, r.FinishedAt, r.Rows, r.Imported, r.Skipped, r.Rejected, r.Problems))
            .ToListAsync(cancellationToken);

    /// <summary>The run's error report as CSV (行号, 列, 原因); a run without problems has a report of the header only.</summary>
    public async Task<Result<(string FileName, Stream Report)>> ErrorReportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.FileName, r.ErrorReport }).FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return RegistryRefusals.ImportRunNotFound(id);
        }

        var name = $"{Path.GetFileNameWithoutExtension(run.FileName)}-错误报告.csv";
        Stream report = run.ErrorReport is null
            ? new MemoryStream([.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(ImportCompanies.ReportHeader + "\r\n")])
            : new GZipStream(new MemoryStream(run.ErrorReport), CompressionMode.Decompress);
        return (name, report);
    }
}
