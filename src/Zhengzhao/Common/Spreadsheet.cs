using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Zhengzhao.Common;

/// <summary>
/// How far an uploaded workbook may go before it is refused: the uncompressed size of each part of the ZIP, the
/// characters of the shared-string table (the one part held in memory), the rows, the columns and one cell's length.
/// </summary>
public sealed record SheetLimits(long MaxPartBytes, long MaxStringTableChars, int MaxRows, int MaxColumns, int MaxCellLength)
{
    /// <summary>Excel's own limit on a cell's text.</summary>
    public const int ExcelCellLength = 32_767;

    /// <summary>
    /// The entries the shared-string table may hold. Empty entries cost no characters but memory each, so the count
    /// is bounded too: a table holds each text once, so a sheet within the limits can use no more entries than it
    /// has cells, and none but one can be shorter than a character.
    /// </summary>
    public long MaxSharedStrings => Math.Min((long)MaxRows * MaxColumns, MaxStringTableChars + 1);
}

/// <summary>A limit of <see cref="SheetLimits"/> was passed: the file is refused with the reason in Chinese.</summary>
public sealed class SheetLimitException : Exception
{
    public SheetLimitException()
    {
    }

    public SheetLimitException(string message)
        : base(message)
    {
    }

    public SheetLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Reads .xlsx workbooks a row at a time, straight from the sheet's XML. A workbook is untrusted input: the declared
/// <c>&lt;dimension&gt;</c> is never read (a reader that pads every row to it turns a 2.6 KB file declaring A1:XFD12
/// into 16,384 cells a row), each part's inflated size is counted as it is read, not taken from the ZIP's directory,
/// DTDs are refused (no entity is ever expanded), and every limit of <see cref="SheetLimits"/> is checked as the row
/// is read, so a file is refused before it costs more than the limits allow. Formulas are never evaluated: a cell is
/// its stored value.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Excel's built-in number formats that show a date (the Chinese ones included).</summary>
    private static readonly HashSet<int> DateFormats = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];

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
        exception is InvalidDataException or IOException or XmlException or InvalidOperationException or KeyNotFoundException or FormatException;

    /// <summary>The names of the workbook's sheets, in the workbook's order. Leaves the stream where it was.</summary>
    public static IReadOnlyList<string> SheetNames(Stream workbook, SheetLimits limits) => [.. Sheets(workbook, limits).Select(s => s.Name)];

    /// <summary>
    /// The rows of a sheet (by name; the first sheet when null) that hold at least one cell, each with its row
    /// number and its cells as trimmed text from column A to the last cell with a value. Dates are written
    /// yyyy-MM-dd. Throws <see cref="SheetLimitException"/> when a limit is passed and stops when cancelled.
    /// </summary>
    public static IEnumerable<(int Row, string[] Cells)> ReadRows(Stream workbook, SheetLimits limits, string? sheetName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(limits);
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var sheets = Sheets(zip, limits);
        var sheet = sheetName is null ? (sheets.Count > 0 ? sheets[0] : default) : sheets.Find(s => s.Name == sheetName);
        if (sheet.Path is null)
        {
            throw new InvalidDataException("The workbook has no such sheet.");
        }

        using var strings = new SharedStringTable(Open(zip, "xl/sharedStrings.xml", limits), limits, cancellationToken);
        var dateStyles = DateStyles(zip, limits);
        using var reader = Open(zip, sheet.Path, limits) ?? throw new InvalidDataException("The sheet's part is missing.");
        var rows = 0;
        var last = 0;
        var cells = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var number = reader.GetAttribute("r") is { } r ? Integer(r) : last + 1;
            if (++rows > limits.MaxRows || number > limits.MaxRows)
            {
                throw new SheetLimitException($"工作表超过 {limits.MaxRows:N0} 行，请拆分后分批导入。");
            }

            last = number;
            cells.Clear();
            if (!reader.IsEmptyElement)
            {
                ReadRow(reader, number, cells, strings, dateStyles, limits, cancellationToken);
            }

            if (cells.Count > 0)
            {
                yield return (number, [.. cells]);
            }
        }
    }

    private static void ReadRow(XmlReader reader, int row, List<string> cells, SharedStringTable strings, IReadOnlySet<int> dateStyles, SheetLimits limits, CancellationToken cancellationToken)
    {
        var depth = reader.Depth;
        var column = 0;
        var seen = 0;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            if (++seen % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
            var type = reader.GetAttribute("t");
            var style = reader.GetAttribute("s") is { } s ? Integer(s) : 0;
            var text = reader.IsEmptyElement ? string.Empty : CellValue(reader, type, style, strings, dateStyles, limits.MaxCellLength, row);
            if (text.Length == 0)
            {
                continue;
            }

            if (column > limits.MaxColumns)
            {
                throw new SheetLimitException($"第 {row} 行第 {column} 列有内容，超过了 {limits.MaxColumns} 列，请只保留模板中的列。");
            }

            // Excel writes a row's cells left to right; a file that goes back is not a workbook, and could grow a row
            // without bound by repeating one cell.
            if (column <= cells.Count)
            {
                throw new InvalidDataException($"Cell {column} of row {row} comes after cell {cells.Count}.");
            }

            while (cells.Count < column - 1)
            {
                cells.Add(string.Empty);
            }

            cells.Add(text);
        }
    }

    /// <summary>The value of the cell the reader is on, read to the cell's end.</summary>
    private static string CellValue(XmlReader reader, string? type, int style, SharedStringTable strings, IReadOnlySet<int> dateStyles, int maxLength, int row)
    {
        var depth = reader.Depth;
        string? value = null;
        var inline = new StringBuilder();
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "v":
                    value = Content(reader, maxLength, row);
                    reader.Read();
                    break;
                case "is":
                    ReadStringItem(reader, inline, maxLength, row);
                    reader.Read();
                    break;
                default:
                    // A formula is never evaluated: the value Excel stored with it is the cell.
                    reader.Skip();
                    break;
            }
        }

        var text = type switch
        {
            "inlineStr" => inline.ToString(),
            "s" => strings.Get(Integer(value)),
            "b" => value == "1" ? "TRUE" : "FALSE",
            "d" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value ?? string.Empty,
            "str" or "e" => value ?? string.Empty,
            _ => Number(value, dateStyles.Contains(style)),
        };
        return text.Trim();
    }

    private static string Number(string? value, bool isDate)
    {
        if (value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value ?? string.Empty;
        }

        if (isDate && number is >= 1 and < 2_958_466)
        {
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // Excel stores 3.5 as "3.5" and large whole numbers in exponent form; both read as the number typed.
        return value.Contains('E', StringComparison.OrdinalIgnoreCase) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>The text of a string item (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>): its runs, without phonetic guides.</summary>
    private static void ReadStringItem(XmlReader reader, StringBuilder text, int maxLength, int row)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                text.Append(Content(reader, maxLength - text.Length, row));
            }

            reader.Read();
        }
    }

    /// <summary>
    /// The text of the element the reader is on, read in chunks so that a cell longer than the limit is refused
    /// before it is held whole. Leaves the reader on the element's end.
    /// </summary>
    private static string Content(XmlReader reader, int maxLength, int row)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new StringBuilder();
        var chunk = new char[4096];
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                continue;
            }

            int read;
            while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (text.Length + read > maxLength)
                {
                    throw new SheetLimitException(row > 0
                        ? $"第 {row} 行有超过 {maxLength:N0} 字的单元格，请检查后重新导入。"
                        : $"工作簿中有超过 {maxLength:N0} 字的单元格，请检查后重新导入。");
                }

                text.Append(chunk, 0, read);
            }
        }

        return text.ToString();
    }

    private static int Integer(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw new InvalidDataException($"“{text}” is not a whole number.");

    /// <summary>The column number (A = 1) of a cell reference such as "AB12".</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
            if (++letters > 3)
            {
                throw new InvalidDataException($"Cell reference {reference} is not a cell.");
            }
        }

        return letters == 0 ? throw new InvalidDataException($"Cell reference {reference} is not a cell.") : column;
    }

    private static List<(string Name, string? Path)> Sheets(Stream workbook, SheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var start = workbook.Position;
        try
        {
            using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
            return Sheets(zip, limits);
        }
        finally
        {
            workbook.Position = start;
        }
    }

    /// <summary>The sheets named in xl/workbook.xml, each with the part its relationship points to.</summary>
    private static List<(string Name, string? Path)> Sheets(ZipArchive zip, SheetLimits limits)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = Open(zip, "xl/_rels/workbook.xml.rels", limits))
        {
            while (rels?.Read() == true)
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string, string?)>();
        using var workbook = Open(zip, "xl/workbook.xml", limits) ?? throw new InvalidDataException("The workbook part is missing.");
        while (workbook.Read())
        {
            if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet" && workbook.GetAttribute("name") is { } name)
            {
                sheets.Add((name, (workbook.GetAttribute("id", RelationshipsNamespace) ?? workbook.GetAttribute("r:id")) is { } id ? targets.GetValueOrDefault(id) : null));
            }
        }

        return sheets;
    }

    /// <summary>
    /// The shared-string table, read only as far as the cells need it: the header row costs the header's texts, not
    /// the whole table, so a file with a wrong header is refused before the rest is parsed. Kept as one run of
    /// characters and where each entry ends: a string object per entry would cost some 30 bytes even when empty, so a
    /// table of short entries would take many times its characters. A cell's string is cut from the run when read.
    /// </summary>
    private sealed class SharedStringTable(XmlReader? reader, SheetLimits limits, CancellationToken cancellationToken) : IDisposable
    {
        private readonly StringBuilder _text = new();
        private char[] _characters = new char[4096];
        private int[] _ends = new int[1024];
        private int _count;

        private int Characters => _count == 0 ? 0 : _ends[_count - 1];

        /// <summary>The entry a cell names, reading the table on to it.</summary>
        public string Get(int index)
        {
            if (index >= limits.MaxSharedStrings)
            {
                throw new SheetLimitException($"工作簿的共享文字超过 {limits.MaxSharedStrings:N0} 项，请拆分后分批导入，或另存为 CSV 文件导入。");
            }

            while (_count <= index)
            {
                ReadNext();
            }

            var start = index == 0 ? 0 : _ends[index - 1];
            return new string(_characters, start, _ends[index] - start);
        }

        public void Dispose() => reader?.Dispose();

        private void ReadNext()
        {
            while (reader?.Read() == true)
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si")
                {
                    continue;
                }

                if (_count % 4096 == 4095)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                _text.Clear();
                ReadStringItem(reader, _text, limits.MaxCellLength, row: 0);
                if (Characters + _text.Length > limits.MaxStringTableChars)
                {
                    throw new SheetLimitException($"工作簿的文字超过 {limits.MaxStringTableChars:N0} 字，请拆分后分批导入，或另存为 CSV 文件导入。");
                }

                Add(_text);
                return;
            }

            throw new InvalidDataException("A shared string the workbook does not hold.");
        }

        private void Add(StringBuilder text)
        {
            var start = Characters;
            if (start + text.Length > _characters.Length)
            {
                Array.Resize(ref _characters, Math.Max(start + text.Length, _characters.Length * 2));
            }

            if (_count == _ends.Length)
            {
                Array.Resize(ref _ends, _ends.Length * 2);
            }

            text.CopyTo(0, _characters, start, text.Length);
            _ends[_count++] = start + text.Length;
        }
    }

    /// <summary>The cell styles (by index) whose number format shows a date.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip, SheetLimits limits)
    {
        var customDates = new HashSet<int>();
        var styles = new HashSet<int>();
        using var reader = Open(zip, "xl/styles.xml", limits);
        var index = 0;
        var inCellFormats = false;
        while (reader?.Read() == true)
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellFormats = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && IsDateFormat(reader.GetAttribute("formatCode")):
                    customDates.Add(id);
                    break;
                case "cellXfs":
                    inCellFormats = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var format) && (DateFormats.Contains(format) || customDates.Contains(format)))
                    {
                        styles.Add(index);
                    }

                    index++;
                    break;
            }
        }

        return styles;
    }

    /// <summary>A custom format shows a date when, outside quoted text and [colour] or [locale] parts, it has y, m or d.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var quoted = false;
        var bracketed = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracketed = true;
                    break;
                case ']' when !quoted:
                    bracketed = false;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++;
                    break;
                default:
                    if (!quoted && !bracketed && char.ToLowerInvariant(c) is 'y' or 'm' or 'd')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// An XML reader over one part of the ZIP, or null when the part is absent. The part's declared size is checked
    /// first and its inflated bytes are counted as they are read, since the declared size is the sender's word.
    /// </summary>
    private static XmlReader? Open(ZipArchive zip, string path, SheetLimits limits)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        if (entry.Length > limits.MaxPartBytes)
        {
            throw new SheetLimitException(TooLarge(limits));
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new CappedStream(entry.Open(), limits.MaxPartBytes, TooLarge(limits)), settings);
    }

    private static string TooLarge(SheetLimits limits) => $"工作簿中有一部分解压后超过 {limits.MaxPartBytes / 1024 / 1024:N0} MB，请拆分后分批导入，或另存为 CSV 文件导入。";

    /// <summary>A read-only stream that refuses to yield more than a number of bytes.</summary>
    private sealed class CappedStream(Stream inner, long cap, string refusal) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            return _read > cap ? throw new SheetLimitException(refusal) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
