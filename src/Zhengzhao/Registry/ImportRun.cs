using Zhengzhao.Common;

namespace Zhengzhao.Registry;

/// <summary>
/// One bulk import of existing companies: which file (name and SHA-256), who, when, what came of each row, and the
/// error report the registrar can download later. A run still <see cref="Finished"/>-less was interrupted; the rows
/// its committed batches wrote are whole and carry the run's event id in their history.
/// </summary>
public sealed class ImportRun
{
    private ImportRun()
    {
        FileName = Sha256 = UserName = string.Empty;
    }

    public ImportRun(string fileName, string sha256, string userName, int rows, int rejected, int problems, byte[]? errorReport, DateTime startedAt)
        : this()
    {
        FileName = fileName.Length <= 200 ? fileName : fileName[..200];
        Sha256 = sha256;
        UserName = userName;
        Rows = rows;
        Rejected = rejected;
        Problems = problems;
        ErrorReport = errorReport;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string FileName { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the file as uploaded: the same file imported again is recognisable.</summary>
    public string Sha256 { get; private set; }

    public string UserName { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>Data rows in the file (blank rows not counted).</summary>
    public int Rows { get; private set; }

    public int Imported { get; private set; }

    /// <summary>Valid rows whose code was already on the register: left as they were.</summary>
    public int Skipped { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Lines of the error report (a rejected row may have several).</summary>
    public int Problems { get; private set; }

    /// <summary>The error report as gzip-compressed CSV (行号, 列, 原因), or null when every row was valid.</summary>
    public byte[]? ErrorReport { get; private set; }

    /// <summary>The event id the imported companies' first history entry carries.</summary>
    public string EventId => $"import-{Id:N}";

    public void Finish(int imported, int skipped, DateTime at)
    {
        Imported = imported;
        Skipped = skipped;
        FinishedAt = at;
    }
}
