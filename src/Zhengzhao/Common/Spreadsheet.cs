using System.Globalization;

namespace Zhengzhao.Common;

/// <summary>What every spreadsheet import needs to know about .xlsx files as MiniExcel reads them.</summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>An .xlsx file is a ZIP archive: anything else (a CSV, a renamed .xls, a picture) is refused before parsing.</summary>
    public static bool LooksLikeWorkbook(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        var read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 2 && magic[0] == 'P' && magic[1] == 'K';
    }

    /// <summary>The exceptions a damaged workbook raises while it is read (as opposed to bugs).</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException;

    /// <summary>A cell as text. Excel keeps dates as dates; they are read back in the form the sheets document.</summary>
    public static string CellText(object? value) => value switch
    {
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
    };
}
