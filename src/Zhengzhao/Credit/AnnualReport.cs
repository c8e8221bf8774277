using Zhengzhao.Common;

namespace Zhengzhao.Credit;

/// <summary>A year's annual report as the credit record shows it.</summary>
public enum AnnualReportStatus
{
    /// <summary>The filing period for the year is still open and nothing is filed.</summary>
    Open,

    /// <summary>Filed by 30 June of the next year.</summary>
    Filed,

    /// <summary>Filed after the period ended.</summary>
    FiledLate,

    /// <summary>The period ended with nothing filed: a cause for the abnormal list.</summary>
    NotFiled,
}

/// <summary>企业年度报告: the company filed its report for a year, on a day; fed by the annual-report system.</summary>
public sealed class AnnualReport : Audit.IAudited
{
    private AnnualReport()
    {
        Uscc = RecordedBy = string.Empty;
    }

    public AnnualReport(string uscc, int year, DateOnly filedOn, string recordedBy)
        : this()
    {
        Uscc = uscc;
        Year = year;
        FiledOn = filedOn;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public int Year { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public string RecordedBy { get; private set; }
}

/// <summary>
/// 年度报告 (企业信息公示暂行条例 第八条): from 1 January to 30 June each year a company files its report for the
/// year before, starting with the year after it was founded.
/// </summary>
public static class AnnualReportRules
{
    /// <summary>How many past years the record shows.</summary>
    public const int YearsShown = 5;

    public static DateOnly Deadline(int year) => new(year + 1, 6, 30);

    public static DateOnly FirstDay(int year) => new(year + 1, 1, 1);

    public static AnnualReportStatus Status(int year, DateOnly? filedOn, DateOnly today) => filedOn switch
    {
        { } filed when filed <= Deadline(year) => AnnualReportStatus.Filed,
        not null => AnnualReportStatus.FiledLate,
        null when today > Deadline(year) => AnnualReportStatus.NotFiled,
        _ => AnnualReportStatus.Open,
    };

    /// <summary>
    /// Whether a company founded on <paramref name="established"/> had a report overdue on <paramref name="on"/>: its
    /// first is for the year it was founded, due by the next 30 June.
    /// </summary>
    public static bool AnyOverdue(DateOnly established, DateOnly on) => on > Deadline(established.Year);

    /// <summary>The years a company founded on <paramref name="established"/> owes a report for by today, latest first.</summary>
    public static IEnumerable<int> YearsOwed(DateOnly established, DateOnly today)
    {
        for (var year = today.Year - 1; year >= established.Year && year > today.Year - 1 - YearsShown; year--)
        {
            yield return year;
        }
    }

    public static string Name(AnnualReportStatus status) => status switch
    {
        AnnualReportStatus.Open => "报送期内，尚未报送",
        AnnualReportStatus.Filed => "已按时报送",
        AnnualReportStatus.FiledLate => "逾期报送",
        _ => "未报送",
    };
}
