using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>The malicious .xlsx shapes no spreadsheet program writes, built part by part or by editing a real workbook.</summary>
public static partial class Workbooks
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// A workbook whose one cell (in row 1, shared or inline) is <paramref name="megabytes"/> MB of one letter: a few
    /// hundred kilobytes on the wire, the whole of it once inflated.
    /// </summary>
    public static byte[] Bomb(int megabytes, bool shared)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var cell = shared ? """<c r="A1" t="s"><v>0</v></c>""" : """<c r="A1" t="inlineStr"><is><t>""";
            using (var sheet = Writer(zip, "xl/worksheets/sheet1.xml"))
            {
                sheet.Write($"""<worksheet xmlns="{Main}"><sheetData><row r="1">{cell}""");
                if (!shared)
                {
                    Letters(sheet, megabytes);
                    sheet.Write("</t></is></c>");
                }

                sheet.Write("</row></sheetData></worksheet>");
            }

            if (shared)
            {
                using var strings = Writer(zip, "xl/sharedStrings.xml");
                strings.Write($"""<sst xmlns="{Main}"><si><t>""");
                Letters(strings, megabytes);
                strings.Write("</t></si></sst>");
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A workbook whose one row is <paramref name="header"/> from the shared strings, which hold
    /// <paramref name="more"/> one-character texts after it and end damaged: a few hundred kilobytes on the wire,
    /// tens of megabytes of XML once inflated.
    /// </summary>
    public static byte[] SharedStringFlood(IReadOnlyList<string> header, int more)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1">{string.Concat(header.Select((_, i) => $"""<c t="s"><v>{i}</v></c>"""))}</row></sheetData></worksheet>""");
            using var strings = Writer(zip, "xl/sharedStrings.xml");
            strings.Write($"""<sst xmlns="{Main}">{string.Concat(header.Select(h => $"<si><t>{h}</t></si>"))}""");
            for (var i = 0; i < more; i++)
            {
                strings.Write("<si><t>x</t></si>");
            }

            strings.Write("<si><t>damaged");
        }

        return stream.ToArray();
    }

    /// <summary>The workbook with its first sheet declaring another dimension than the cells it holds.</summary>
    public static byte[] WithDimension(byte[] workbook, string dimension) =>
        EditSheet(workbook, xml => DimensionElement().IsMatch(xml)
            ? DimensionElement().Replace(xml, $"<$1dimension ref=\"{dimension}\"/>", 1)
            : RootElement().Replace(xml, $"$0<$1dimension ref=\"{dimension}\"/>", 1));

    /// <summary>The workbook with a DOCTYPE declaring an external entity in its first sheet, and that entity in a cell.</summary>
    public static byte[] WithExternalEntity(byte[] workbook) =>
        EditSheet(workbook, xml =>
        {
            var root = xml.IndexOf("worksheet", StringComparison.Ordinal);
            var start = xml.LastIndexOf('<', root);
            var withDoctype = string.Concat(xml.AsSpan(0, start), "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", xml.AsSpan(start));
            return CellText().Replace(withDoctype, "$1&xxe;$2", 1);
        });

    private static byte[] EditSheet(byte[] workbook, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            Add(zip, name, edit(xml));
        }

        return stream.ToArray();
    }

    private static StreamWriter Writer(ZipArchive zip, string path) => new(zip.CreateEntry(path, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));

    private static void Add(ZipArchive zip, string path, string xml)
    {
        using var writer = Writer(zip, path);
        writer.Write(xml);
    }

    private static void Letters(StreamWriter writer, int megabytes)
    {
        var chunk = new string('A', 1 << 20);
        for (var i = 0; i < megabytes; i++)
        {
            writer.Write(chunk);
        }
    }

    [GeneratedRegex("<(\\w+:)?dimension ref=\"[^\"]*\"\\s*/>")]
    private static partial Regex DimensionElement();

    [GeneratedRegex("<(\\w+:)?worksheet[^>]*>")]
    private static partial Regex RootElement();

    [GeneratedRegex("(<(?:\\w+:)?v>)[^<]*(</(?:\\w+:)?v>)")]
    private static partial Regex CellText();
}
