using System.Text;
using System.Text.Unicode;

namespace Zhengzhao.Common;

/// <summary>
/// Comma-separated values as RFC 4180 writes them: fields in double quotes may hold commas, line breaks and doubled
/// quotes; records end in CRLF or LF. Reads one record at a time, so a file of any size is read in constant memory.
/// </summary>
public static class Csv
{
    /// <summary>GB 18030, the encoding Excel on a Chinese Windows saves "CSV" in.</summary>
    private const int Gb18030CodePage = 54936;

    private const int SniffBytes = 64 * 1024;

    /// <summary>
    /// The encoding of a CSV file: UTF-8 (with or without a byte-order mark) when its first 64 KB are valid UTF-8,
    /// otherwise GB 18030. Leaves the stream where it was.
    /// </summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var sample = buffer.AsSpan(0, read);

        // The sample may end inside a multi-byte character: up to three trailing bytes of a started sequence are allowed.
        var cuts = read < buffer.Length ? 0 : Math.Min(3, read);
        for (var cut = 0; cut <= cuts; cut++)
        {
            if (Utf8.IsValid(sample[..^cut]) && (cut == 0 || sample[^cut] >= 0xC0))
            {
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            }
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)!;
    }

    /// <summary>True when the start of the stream holds a NUL byte: a binary file (a spreadsheet, a picture), not text.</summary>
    public static bool LooksBinary(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.Position;
        var buffer = new byte[4096];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return buffer.AsSpan(0, read).Contains((byte)0);
    }

    /// <summary>
    /// The records of the text, numbered from 1 as a spreadsheet numbers rows (a quoted line break does not start a
    /// new record). A byte-order mark is dropped by the reader's encoding; a blank line is a record with one empty field.
    /// A record that cannot be what its writer meant carries a problem in Chinese: a quote never closed (which took
    /// every later line into one field), a field over <paramref name="maxFieldLength"/> characters (cut there, so
    /// memory stays bounded) or more than <paramref name="maxFields"/> fields (the rest dropped).
    /// </summary>
    public static IEnumerable<(int Number, string[] Fields, string? Problem)> Read(TextReader reader, int maxFieldLength = int.MaxValue, int maxFields = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new Parser(reader, maxFieldLength, maxFields);
        var number = 0;
        while (parser.Next() is { } fields)
        {
            yield return (++number, fields, parser.Problem);
        }
    }

    /// <summary>
    /// Writes one record, quoting only the fields that need it, ended with CRLF. Formula-like text is neutralised
    /// (<see cref="SheetText.Neutralise"/>): whoever opens the file in a spreadsheet sees it as text.
    /// </summary>
    public static void WriteRecord(TextWriter writer, params ReadOnlySpan<string> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = SheetText.Neutralise(fields[i]);
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(field);
                continue;
            }

            writer.Write('"');
            writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        writer.Write("\r\n");
    }

    private sealed class Parser(TextReader reader, int maxFieldLength, int maxFields)
    {
        private static readonly System.Buffers.SearchValues<char> Specials = System.Buffers.SearchValues.Create(",\"\r\n");

        private readonly char[] _buffer = new char[64 * 1024];
        private readonly StringBuilder _field = new();
        private readonly List<string> _fields = [];
        private int _position;
        private int _length;
        private bool _tooLong;
        private bool _tooMany;

        /// <summary>What is wrong with the record <see cref="Next"/> returned, or null.</summary>
        public string? Problem { get; private set; }

        public string[]? Next()
        {
            if (Peek() < 0)
            {
                return null;
            }

            _fields.Clear();
            _field.Clear();
            _tooLong = _tooMany = false;
            Problem = null;
            var quoted = false;
            var afterQuote = false;
            while (_position < _length || Fill())
            {
                // Whole runs of ordinary characters are copied at once; only the four special characters stop the scan.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var at = quoted ? rest.IndexOf('"') : rest.IndexOfAny(Specials);
                if (at < 0)
                {
                    Append(rest);
                    _position = _length;
                    continue;
                }

                Append(rest[..at]);
                var c = rest[at];
                _position += at + 1;
                if (quoted)
                {
                    if (Peek() == '"')
                    {
                        _position++;
                        Append("\"");
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }

                    continue;
                }

                switch (c)
                {
                    case ',':
                        AddField();
                        afterQuote = false;
                        break;
                    case '\r':
                        if (Peek() == '\n')
                        {
                            _position++;
                        }

                        return End();
                    case '\n':
                        return End();
                    case '"' when _field.Length == 0 && !afterQuote:
                        quoted = true;
                        break;
                    default:
                        // A quote inside an unquoted field, or after a closing quote, is kept as written.
                        Append([c]);
                        break;
                }
            }

            // The file ended without a line break, or inside a quoted field, which keeps what was there and is reported.
            if (quoted)
            {
                Problem = "引号没有闭合：从本行起到文件末尾都读成了一个字段，请检查本行的双引号。";
            }

            return End();
        }

        private string[] End()
        {
            AddField();
            Problem ??= _tooLong ? $"有超过 {maxFieldLength:N0} 字的字段，请检查本行。" : _tooMany ? $"超过 {maxFields:N0} 列，请只保留模板中的列。" : null;
            return [.. _fields];
        }

        private void AddField()
        {
            if (_fields.Count < maxFields)
            {
                _fields.Add(_field.ToString());
            }
            else
            {
                _tooMany = true;
            }

            _field.Clear();
        }

        /// <summary>Appends to the field up to its limit; the rest of an over-long field is read and dropped.</summary>
        private void Append(ReadOnlySpan<char> text)
        {
            var room = maxFieldLength - _field.Length;
            if (text.Length > room)
            {
                _field.Append(text[..room]);
                _tooLong = true;
                return;
            }

            _field.Append(text);
        }

        private int Peek()
        {
            if (_position == _length && !Fill())
            {
                return -1;
            }

            return _buffer[_position];
        }

        private bool Fill()
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            return _length > 0;
        }
    }
}
