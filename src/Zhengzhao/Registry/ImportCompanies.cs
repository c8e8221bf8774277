using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// Imports a file of existing companies (.csv or .xlsx) onto the register. The file is read twice, a row at a time:
/// first every row is checked and the error report written, so a file that cannot be read or lacks a column writes
/// nothing; then the valid rows are inserted in batches of <see cref="BatchSize"/>, each company with its first
/// history entry in the same transaction. A code already on the register is skipped, never changed, so importing a
/// file again changes nothing. Companies imported this way pre-date the platform and are not pushed to departments.
/// </summary>
public sealed class ImportCompanies(ZhengzhaoDbContext db, IDataProtectionProvider protection, TimeProvider time) : IUseCase
{
    public const long MaxBytes = 512L * 1024 * 1024;
    public const int BatchSize = 25_000;
    private const int ChunkSize = 1_000;
    private const int SqliteCacheKilobytes = 64 * 1024;
    public const string ReportHeader = "行号,列,原因";

    /// <summary>
    /// What a file may hold. The sheet is streamed, so its part may be large; the shared strings are held in memory,
    /// so a register larger than they allow comes as CSV, which has no such table.
    /// </summary>
    public static readonly SheetLimits Limits = new(MaxPartBytes: 1L << 30, MaxStringTableChars: 32L << 20, MaxRows: 1_048_576, MaxColumns: 64, MaxCellLength: SheetLimits.ExcelCellLength);

    /// <summary>The report's column for a problem of the whole row (a quote never closed, a field too long).</summary>
    public const string WholeRow = "整行";

    public sealed record Command(Stream File, string FileName, Actor Actor);

    public sealed record Outcome(Guid RunId, string FileName, int Rows, int Imported, int Skipped, int Rejected, int Problems);

    private enum FileKind
    {
        Csv,
        Workbook,
    }

    private sealed record Checked(int Rows, int Valid, int Rejected, int Problems, byte[]? Report);

    public async Task<Result<Outcome>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!command.File.CanSeek)
        {
            throw new ArgumentException("The file is read twice and must be seekable.", nameof(command));
        }

        var fileName = Path.GetFileName(command.FileName.Trim());
        var kind = Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" => FileKind.Csv,
            ".XLSX" => FileKind.Workbook,
            _ => (FileKind?)null,
        };
        if (kind is null)
        {
            return RegistryRefusals.ImportFileType(fileName);
        }

        if (command.File.Length == 0)
        {
            return RegistryRefusals.ImportEmpty(fileName);
        }

        if (command.File.Length > MaxBytes)
        {
            return RegistryRefusals.ImportTooLarge(MaxBytes);
        }

        if (kind == FileKind.Workbook ? !Spreadsheet.LooksLikeWorkbook(command.File) : Csv.LooksBinary(command.File))
        {
            return RegistryRefusals.ImportUnreadable(kind == FileKind.Workbook
                ? $"“{fileName}”不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名。"
                : $"“{fileName}”不是文本格式的 CSV 文件，可能是改了扩展名的表格或其他文件。");
        }

        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(command.File, cancellationToken));
        command.File.Position = 0;
        var regions = (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith("54")).Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = ChinaTime.Today(time);

        var read = ReadHeader(command.File, kind.Value, fileName, cancellationToken);
        if (!read.IsSuccess)
        {
            return read.Refusal;
        }

        var header = read.Value;
        Checked result;
        try
        {
            result = Check(command.File, kind.Value, header, regions, today, cancellationToken);
        }
        catch (SheetLimitException e)
        {
            return RegistryRefusals.ImportLimit(fileName, e.Message);
        }
        catch (Exception e) when (Spreadsheet.IsUnreadable(e))
        {
            return RegistryRefusals.ImportUnreadable($"“{fileName}”已损坏，读取到中途出错，未导入任何数据。");
        }

        if (result.Rows == 0)
        {
            return RegistryRefusals.ImportNoRows(fileName);
        }

        var run = new ImportRun(fileName, sha256, command.Actor.UserName, result.Rows, result.Rejected, result.Problems, result.Report, time.GetUtcNow().UtcDateTime);
        db.ImportRuns.Add(run);
        db.Record(command.Actor, time, "registry.imported", nameof(ImportRun), run.Id.ToString(),
            $"导入存量主体文件“{fileName}”（SHA-256 {sha256[..16]}…）：{result.Rows} 行，有效 {result.Valid} 行，有误 {result.Rejected} 行");
        var (imported, skipped) = await WriteAsync(command.File, kind.Value, header, regions, today, run, cancellationToken);
        return new Outcome(run.Id, fileName, result.Rows, imported, skipped, result.Rejected, result.Problems);
    }

    /// <summary>The header template as a UTF-8 CSV file with a byte-order mark (so Excel shows the Chinese names).</summary>
    public static byte[] Template()
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            Csv.WriteRecord(writer, [.. CompanySheet.Columns]);
        }

        return buffer.ToArray();
    }

    private static Result<CompanySheet.Header> ReadHeader(Stream file, FileKind kind, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var first = Rows(file, kind, cancellationToken).FirstOrDefault();
            if (first.Cells is null || CompanySheet.IsBlank(first.Cells))
            {
                return RegistryRefusals.ImportNoHeader(fileName);
            }

            var (header, problem) = CompanySheet.ReadHeader(first.Cells);
            return header is null ? RegistryRefusals.ImportHeader(problem!) : header;
        }
        catch (SheetLimitException e)
        {
            return RegistryRefusals.ImportLimit(fileName, e.Message);
        }
        catch (Exception e) when (Spreadsheet.IsUnreadable(e))
        {
            return RegistryRefusals.ImportUnreadable($"“{fileName}”已损坏或不是有效的 Excel 工作簿（.xlsx），无法读取。");
        }
        finally
        {
            file.Position = 0;
        }
    }

    /// <summary>The first pass: counts the rows and writes every problem to the gzip-compressed error report.</summary>
    private static Checked Check(Stream file, FileKind kind, CompanySheet.Header header, IReadOnlySet<string> regions, DateOnly today, CancellationToken cancellationToken)
    {
        int rows = 0, valid = 0, rejected = 0, problems = 0;
        using var report = new MemoryStream();
        using (var writer = new StreamWriter(new GZipStream(report, CompressionLevel.Fastest, leaveOpen: true), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            writer.Write(ReportHeader + "\r\n");
            foreach (var (_, rowProblems) in CheckedRows(file, kind, header, regions, today, cancellationToken))
            {
                rows++;
                if (rowProblems is null)
                {
                    valid++;
                    continue;
                }

                rejected++;
                foreach (var problem in rowProblems)
                {
                    if (++problems <= ImportProblems.Listed)
                    {
                        Csv.WriteRecord(writer, problem.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Column, problem.Reason);
                    }
                }
            }

            if (problems > ImportProblems.Listed)
            {
                Csv.WriteRecord(writer, string.Empty, WholeRow, ImportProblems.Unlisted(problems));
            }
        }

        file.Position = 0;
        return new Checked(rows, valid, rejected, problems, problems == 0 ? null : report.ToArray());
    }

    /// <summary>The second pass: the valid rows, inserted in batches; the run's record closes the last batch.</summary>
    private async Task<(int Imported, int Skipped)> WriteAsync(Stream file, FileKind kind, CompanySheet.Header header, IReadOnlySet<string> regions, DateOnly today, ImportRun run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int imported = 0, skipped = 0, inBatch = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = Channel.CreateBounded<Prepared[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var preparing = Task.Run(() => PrepareAsync(file, kind, header, regions, today, rows.Writer, stop.Token), stop.Token);

        // The connection stays open across batches, so the prepared statements survive each commit.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cacheSize = await SetSqliteCacheAsync(-SqliteCacheKilobytes, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await using var enterprises = RowInserter.For<Enterprise>(
                db,
                nameof(Enterprise.Uscc), nameof(Enterprise.Name), nameof(Enterprise.Type), nameof(Enterprise.LegalRepresentative),
                nameof(Enterprise.LegalRepresentativeIdProtected), nameof(Enterprise.LegalRepresentativeIdMasked), nameof(Enterprise.Address),
                nameof(Enterprise.RegionCode), nameof(Enterprise.RegisteringAuthority), nameof(Enterprise.EstablishedOn), nameof(Enterprise.ApprovedOn),
                nameof(Enterprise.RegisteredCapital), nameof(Enterprise.BusinessScope), nameof(Enterprise.Status), nameof(Enterprise.NameIndexed));
            await using var changes = RowInserter.For<EnterpriseChange>(
                db,
                nameof(EnterpriseChange.Id), nameof(EnterpriseChange.Uscc), nameof(EnterpriseChange.EventId), nameof(EnterpriseChange.Kind),
                nameof(EnterpriseChange.Summary), nameof(EnterpriseChange.At));
            await foreach (var chunk in rows.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (company, protectedId) in chunk)
                {
                    var f = company.Facts;
                    var batch = transaction.GetDbTransaction();
                    if (await enterprises.InsertAsync(batch, cancellationToken, company.Code.Value, f.Name, f.Type, f.LegalRepresentative, protectedId, company.LegalRepresentativeId.Masked, f.Address, f.RegionCode, f.RegisteringAuthority, f.EstablishedOn, f.ApprovedOn, f.RegisteredCapital, f.BusinessScope, EnterpriseStatus.Active, false))
                    {
                        await changes.InsertAsync(batch, cancellationToken, SequentialGuid.Next(), company.Code.Value, run.EventId, "存量导入", $"批量导入存量主体（{run.FileName} 第 {company.Row} 行）", now);
                        imported++;
                    }
                    else
                    {
                        skipped++;
                    }

                    if (++inBatch == BatchSize)
                    {
                        await transaction.CommitAsync(cancellationToken);
                        await transaction.DisposeAsync();
                        transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                        inBatch = 0;
                    }
                }
            }

            run.Finish(imported, skipped, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await preparing.ContinueWith(_ => { }, TaskScheduler.Default);
            await transaction.DisposeAsync();
            await SetSqliteCacheAsync(cacheSize, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }

        return (imported, skipped);
    }

    private sealed record Prepared(CompanyRow Company, string ProtectedId);

    /// <summary>
    /// Reads, checks and encrypts ahead of the writer, a chunk at a time: protecting an identity number costs more
    /// than inserting its row, so it runs on the other cores while the writer writes. The bounded channel keeps
    /// memory flat whichever side is faster.
    /// </summary>
    private async Task PrepareAsync(Stream file, FileKind kind, CompanySheet.Header header, IReadOnlySet<string> regions, DateOnly today, ChannelWriter<Prepared[]> output, CancellationToken cancellationToken)
    {
        try
        {
            var protector = protection.CreateProtector(RecordRegistration.IdPurpose);
            var valid = CheckedRows(file, kind, header, regions, today, cancellationToken).Select(r => r.Company).OfType<CompanyRow>();
            foreach (var chunk in valid.Chunk(ChunkSize))
            {
                var prepared = new Prepared[chunk.Length];
                Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = new Prepared(chunk[i], protector.Protect(chunk[i].LegalRepresentativeId.Value)));
                await output.WriteAsync(prepared, cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    /// <summary>
    /// On SQLite, sets the connection's page cache (negative: in KB) and returns the previous setting. The import
    /// gives itself 64 MB (the default is 2 MB) so the random inserts into the code and name indexes stay in memory
    /// between commits, and puts the previous size back on the pooled connection afterwards.
    /// </summary>
    private async Task<long?> SetSqliteCacheAsync(long? size, CancellationToken cancellationToken)
    {
        if (size is null || !db.Database.IsSqlite())
        {
            return null;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size";
        var previous = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA2100 // A number, not input.
        command.CommandText = $"PRAGMA cache_size = {size}";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
        return previous;
    }

    /// <summary>
    /// Every data row with its verdict, as both passes see it: a row the file itself spoils (a quote never closed, a
    /// field too long) carries that problem; a valid row whose code came earlier in the file is refused with the row
    /// it repeats, so the report names it and the write pass does not count it as already registered.
    /// </summary>
    private static IEnumerable<(CompanyRow? Company, IReadOnlyList<RowProblem>? Problems)> CheckedRows(Stream file, FileKind kind, CompanySheet.Header header, IReadOnlySet<string> regions, DateOnly today, CancellationToken cancellationToken)
    {
        var seen = new CompanySheet.SeenCodes();
        foreach (var (row, cells, problem) in Rows(file, kind, cancellationToken).Skip(1).Where(r => r.Problem is not null || !CompanySheet.IsBlank(r.Cells)))
        {
            if (problem is not null)
            {
                yield return (null, [new RowProblem(row, WholeRow, problem)]);
                continue;
            }

            var (company, problems) = CompanySheet.Check(row, cells, header, regions, today);
            yield return company is not null && seen.Repeat(company) is { } repeat ? (null, [repeat]) : (company, problems);
        }
    }

    private static IEnumerable<(int Row, IReadOnlyList<string> Cells, string? Problem)> Rows(Stream file, FileKind kind, CancellationToken cancellationToken)
    {
        if (kind == FileKind.Workbook)
        {
            foreach (var (row, cells) in Spreadsheet.ReadRows(file, Limits, cancellationToken: cancellationToken))
            {
                yield return (row, cells, null);
            }

            yield break;
        }

        using var reader = new StreamReader(file, Csv.DetectEncoding(file), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        foreach (var (number, fields, problem) in Csv.Read(reader, Limits.MaxCellLength, Limits.MaxColumns))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (number, fields, problem);
        }
    }
}
