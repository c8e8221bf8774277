using System.Globalization;
using Zhengzhao.Common;

namespace Zhengzhao.Registry;

/// <summary>A problem in one row of an uploaded register file, located as a person finds it in Excel.</summary>
public sealed record RowProblem(int Row, string Column, string Reason);

/// <summary>A row that passed every check: what the register will hold for it.</summary>
public sealed record CompanyRow(int Row, Uscc Code, EnterpriseFacts Facts, IdentityNumber LegalRepresentativeId);

/// <summary>
/// The layout of a file of existing companies (存量市场主体), one row per company under a header row of Chinese
/// column names in any order, and the checks each row passes before it may be imported. Pure: no file handling here.
/// </summary>
public static class CompanySheet
{
    public const string Code = "统一社会信用代码";
    public const string Name = "名称";
    public const string Type = "类型";
    public const string LegalRepresentative = "法定代表人";
    public const string LegalRepresentativeId = "法定代表人身份证号码";
    public const string Address = "住所";
    public const string Region = "区划代码";
    public const string RegisteringAuthority = "登记机关";
    public const string EstablishedOn = "成立日期";
    public const string ApprovedOn = "核准日期";
    public const string RegisteredCapital = "注册资本（万元）";
    public const string BusinessScope = "经营范围";

    public static readonly IReadOnlyList<string> Columns =
    [
        Code, Name, Type, LegalRepresentative, LegalRepresentativeId, Address, Region, RegisteringAuthority,
        EstablishedOn, ApprovedOn, RegisteredCapital, BusinessScope,
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy年M月d日"];

    /// <summary>Where each column sits in the header row, or what is wrong with the header.</summary>
    public sealed class Header
    {
        private readonly int[] _positions;

        internal Header(int[] positions)
        {
            _positions = positions;
        }

        /// <summary>The cell of a column in a data row; a short row has empty cells at its end.</summary>
        public string Cell(IReadOnlyList<string> cells, int column)
        {
            ArgumentNullException.ThrowIfNull(cells);
            var position = _positions[column];
            return position < cells.Count ? cells[position].Trim() : string.Empty;
        }
    }

    /// <summary>Locates the columns; every missing or doubled column is named so the user fixes the header once.</summary>
    public static (Header? Header, string? Problem) ReadHeader(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var names = cells.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Columns.Where(c => !names.Contains(c)).ToList();
        var doubled = Columns.Where(c => names.Count(n => n == c) > 1).ToList();
        if (missing.Count == 0 && doubled.Count == 0)
        {
            return (new Header([.. Columns.Select(c => names.IndexOf(c))]), null);
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add($"缺少{string.Join("、", missing.Select(c => $"“{c}”"))}列");
        }

        if (doubled.Count > 0)
        {
            problems.Add($"{string.Join("、", doubled.Select(c => $"“{c}”"))}列重复出现");
        }

        return (null, $"第 1 行表头不符合模板：{string.Join("；", problems)}。请下载导入模板，按模板的列名填写。");
    }

    /// <summary>True for a row with nothing in it, which is passed over rather than reported.</summary>
    public static bool IsBlank(IReadOnlyList<string> cells) => cells.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// Checks one data row against the register's rules; every problem of the row is reported, not only the first.
    /// <paramref name="regions"/> holds the region codes a company may be registered in.
    /// </summary>
    public static (CompanyRow? Company, List<RowProblem>? Problems) Check(int row, IReadOnlyList<string> cells, Header header, IReadOnlySet<string> regions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(regions);
        List<RowProblem>? problems = null;
        void Problem(string column, string reason) => (problems ??= []).Add(new RowProblem(row, column, reason));
        string Text(int column, int max)
        {
            var text = header.Cell(cells, column);
            if (text.Length == 0)
            {
                Problem(Columns[column], $"“{Columns[column]}”不能为空。");
            }
            else if (text.Length > max)
            {
                Problem(Columns[column], $"“{Columns[column]}”不能超过 {max} 字，现为 {text.Length} 字。");
            }
            else if (SheetText.Problem(Columns[column], text) is { } textProblem)
            {
                // The register keeps what the law names: never a formula, never control characters. The other
                // columns are codes, dates and numbers, which their own rules refuse when they hold either.
                Problem(Columns[column], textProblem);
            }

            return text;
        }

        DateOnly? Date(int column)
        {
            var text = header.Cell(cells, column);
            if (text.Length == 0)
            {
                Problem(Columns[column], $"“{Columns[column]}”不能为空。");
                return null;
            }

            if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problem(Columns[column], $"“{text}”不是有效日期，应为 yyyy-MM-dd 格式。");
                return null;
            }

            if (date > today || date.Year < 1949)
            {
                Problem(Columns[column], $"{Columns[column]} {date:yyyy-MM-dd} 应在 1949-01-01 至今天之间。");
                return null;
            }

            return date;
        }

        var codeText = header.Cell(cells, 0);
        var code = Uscc.Check(codeText);
        if (codeText.Length == 0)
        {
            Problem(Code, $"“{Code}”不能为空。");
        }
        else if (!code.IsValid)
        {
            Problem(Code, code.Reason!);
        }

        var name = Text(1, 100);
        var typeText = header.Cell(cells, 2);
        var type = ParseType(typeText);
        if (type is null)
        {
            Problem(Type, typeText.Length == 0 ? $"“{Type}”不能为空。" : $"类型“{typeText}”无法识别，应为内资企业、外商投资企业、个体工商户或农民专业合作社。");
        }

        var representative = Text(3, 50);
        var idText = header.Cell(cells, 4);
        var (id, idReason) = IdentityNumber.Check(idText);
        if (id is null)
        {
            Problem(LegalRepresentativeId, idText.Length == 0 ? $"“{LegalRepresentativeId}”不能为空。" : idReason!);
        }

        var address = Text(5, 200);
        var region = header.Cell(cells, 6);
        if (!regions.Contains(region))
        {
            Problem(Region, region.Length == 0 ? $"“{Region}”不能为空。" : $"区划代码“{region}”不是西藏自治区的区划。");
        }

        var authority = Text(7, 100);
        var established = Date(8);
        var approved = Date(9);
        if (established is { } e && approved is { } a && a < e)
        {
            Problem(ApprovedOn, $"核准日期 {a:yyyy-MM-dd} 早于成立日期 {e:yyyy-MM-dd}。");
        }

        var capitalText = header.Cell(cells, 10);
        if (!decimal.TryParse(capitalText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var capital) || capital > 1_000_000_000m)
        {
            Problem(RegisteredCapital, capitalText.Length == 0 ? $"“{RegisteredCapital}”不能为空，无注册资本的填 0。" : $"注册资本“{capitalText}”应为 0 至 10 亿之间的数（单位：万元）。");
        }

        var scope = Text(11, 5000);
        if (problems is not null)
        {
            return (null, problems);
        }

        var facts = new EnterpriseFacts(name, type!.Value, representative, address, region, authority, established!.Value, approved!.Value, capital, scope);
        return (new CompanyRow(row, code.Code!, facts, id!), null);
    }

    /// <summary>
    /// The codes met so far in one file, each with the row it was first met on. A code is 18 symbols of a 31-symbol
    /// alphabet, which fits in 128 bits, so a million codes take a few tens of megabytes.
    /// </summary>
    public sealed class SeenCodes
    {
        private readonly Dictionary<UInt128, int> _firstRows = [];

        /// <summary>The problem of a row whose code an earlier row of the file already has, or null (and the code is remembered).</summary>
        public RowProblem? Repeat(CompanyRow company)
        {
            ArgumentNullException.ThrowIfNull(company);
            UInt128 key = 0;
            foreach (var symbol in company.Code.Value)
            {
                key = (key * 31) + (uint)Uscc.Alphabet.IndexOf(symbol, StringComparison.Ordinal);
            }

            return _firstRows.TryAdd(key, company.Row) ? null
                : new RowProblem(company.Row, Code, $"统一社会信用代码 {company.Code.Value} 与第 {_firstRows[key]} 行重复，本行未导入。");
        }
    }

    /// <summary>The type as the Chinese name on the licence or the API's English name.</summary>
    public static EnterpriseType? ParseType(string text)
    {
        foreach (var type in Enum.GetValues<EnterpriseType>())
        {
            if (text == EnterpriseTypes.Name(type) || text == type.ToString())
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The row as the file holds it, in the order of <see cref="Columns"/>: how the template and generators write it.</summary>
    public static string[] ToCells(Uscc code, EnterpriseFacts facts, string legalRepresentativeId)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(facts);
        return
        [
            code.Value, facts.Name, EnterpriseTypes.Name(facts.Type), facts.LegalRepresentative, legalRepresentativeId,
            facts.Address, facts.RegionCode, facts.RegisteringAuthority,
            facts.EstablishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), facts.ApprovedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            facts.RegisteredCapital.ToString("0.####", CultureInfo.InvariantCulture), facts.BusinessScope,
        ];
    }
}
