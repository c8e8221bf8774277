using System.Globalization;
using System.Text;
using System.Text.Json;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.DataGenerator;

/// <summary>A synthetic company: valid in every field, belonging to no one.</summary>
public sealed record GeneratedCompany(Uscc Code, EnterpriseFacts Facts, string LegalRepresentativeId);

/// <summary>
/// Realistic companies for Tibet's regions, deterministic for a seed: codes issued as a registrar would (GB 32100
/// check characters), names built as licences spell them (region + trade name + industry + organisational form, or a
/// shop name for an individual business), business scopes from the catalogue's phrases (许可项目) and common general
/// items (一般项目), legal representatives with Tibetan and Han names and identity numbers with a valid check
/// character, a regional prefix and a plausible birth date.
/// </summary>
public sealed class CompanyGenerator
{
    /// <summary>The seed of the demo data set (the year of the pilot).</summary>
    public const int DemoSeed = 2018;

    /// <summary>The last date a generated company is established or approved on: before any day the data is imported.</summary>
    public static readonly DateOnly LatestDate = new(2026, 6, 30);

    private static readonly DateOnly EarliestDate = new(1995, 1, 1);

    private static readonly string[] TradeNames =
    [
        "雪域", "圣湖", "格桑", "珠峰", "高原", "雅砻", "吉祥", "扎西", "德吉", "雪莲", "天湖", "羌塘", "念青", "纳木", "唐古拉",
        "冈仁", "藏源", "藏珍", "雪豹", "青稞", "圣地", "天路", "日光", "金珠", "宏达", "鑫源", "恒通", "华泰", "永盛", "瑞丰",
        "顺达", "金诚", "博远", "康达", "祥云", "吉瑞", "卓越", "正信", "天成", "鼎盛", "隆盛", "佳和", "同心", "众合", "安泰",
        "白玛", "尼洋", "拉萨河", "喜马拉雅", "象雄", "古格", "朗杰", "岗巴", "羊湖", "卡若", "工布", "达孜", "林廓", "萨迦",
    ];

    private static readonly (string Industry, string[] General)[] Industries =
    [
        ("商贸", ["日用百货销售", "办公用品销售", "五金产品零售", "服装服饰零售", "家用电器销售", "建筑材料销售"]),
        ("餐饮管理", ["餐饮管理", "食用农产品零售", "日用百货销售", "会议及展览服务"]),
        ("旅游开发", ["旅游开发项目策划咨询", "会议及展览服务", "票务代理服务", "组织文化艺术交流活动"]),
        ("建筑工程", ["建筑材料销售", "园林绿化工程施工", "土石方工程施工", "住宅水电安装维护服务"]),
        ("文化传媒", ["广告设计、代理", "组织文化艺术交流活动", "图文设计制作", "摄影扩印服务"]),
        ("农牧业开发", ["谷物种植", "牲畜销售", "农副产品销售", "中草药种植"]),
        ("信息技术", ["技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广", "计算机软硬件及辅助设备零售", "信息系统集成服务"]),
        ("物流", ["普通货物仓储服务（不含危险化学品等需许可审批的项目）", "装卸搬运", "国内货物运输代理"]),
        ("酒店管理", ["酒店管理", "物业管理", "会议及展览服务", "洗染服务"]),
        ("藏医药", ["中草药种植", "中草药收购", "地产中草药（不含中药饮片）购销"]),
        ("印务", ["文具用品零售", "办公用品销售", "图文设计制作"]),
        ("茶业", ["茶具销售", "食用农产品零售", "日用百货销售"]),
        ("装饰工程", ["住宅室内装饰装修", "建筑装饰材料销售", "家具销售"]),
        ("民族手工艺品", ["工艺美术品及收藏品零售（象牙及其制品除外）", "工艺美术品及礼仪用品制造（象牙及其制品除外）", "珠宝首饰零售"]),
        ("汽车服务", ["机动车修理和维护", "汽车零配件零售", "洗车服务"]),
        ("企业管理咨询", ["企业管理咨询", "信息咨询服务（不含许可类信息咨询服务）", "财务咨询"]),
    ];

    private static readonly string[] CompanyForms = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];

    private static readonly (string Shop, string[] General)[] Shops =
    [
        ("便利店", ["日用百货销售", "食用农产品零售"]),
        ("甜茶馆", ["餐饮管理", "食用农产品零售"]),
        ("藏餐馆", ["餐饮管理"]),
        ("面馆", ["餐饮管理"]),
        ("五金店", ["五金产品零售", "建筑材料销售"]),
        ("理发店", ["理发服务"]),
        ("服装店", ["服装服饰零售", "鞋帽零售"]),
        ("百货店", ["日用百货销售", "文具用品零售"]),
        ("汽车修理部", ["机动车修理和维护", "汽车零配件零售"]),
        ("打印店", ["图文设计制作", "办公用品销售"]),
        ("手机维修部", ["通讯设备修理", "电子产品销售"]),
        ("唐卡店", ["工艺美术品及收藏品零售（象牙及其制品除外）"]),
        ("茶叶店", ["茶具销售", "食用农产品零售"]),
        ("家电维修部", ["日用电器修理", "家用电器销售"]),
    ];

    private static readonly (string Product, string[] General)[] CooperativeProducts =
    [
        ("青稞种植", ["谷物种植", "农副产品销售", "农业机械服务"]),
        ("牦牛养殖", ["牲畜销售", "畜牧专业及辅助性活动"]),
        ("藏香猪养殖", ["牲畜销售", "农副产品销售"]),
        ("蔬菜种植", ["蔬菜种植", "食用农产品零售"]),
        ("奶制品加工", ["食用农产品初加工", "农副产品销售"]),
        ("民族手工艺", ["工艺美术品及礼仪用品制造（象牙及其制品除外）", "农副产品销售"]),
        ("中藏药材种植", ["中草药种植", "中草药收购"]),
    ];

    private static readonly string[] TibetanNames =
    [
        "扎西", "卓玛", "格桑", "次仁", "多吉", "央金", "德吉", "拉姆", "旺堆", "普布", "边巴", "达瓦", "尼玛", "索朗", "平措",
        "洛桑", "顿珠", "白玛", "曲珍", "益西", "米玛", "巴桑", "旦增", "罗布", "桑珠", "强巴", "群培", "仁青", "琼达", "嘎玛",
    ];

    private static readonly string[] HanSurnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    private static readonly string[] HanGiven = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀", "霞", "平", "刚", "建", "华", "文", "辉", "宁", "海"];

    private static readonly string[] LhasaRoads = ["北京中路", "江苏路", "金珠西路", "纳金路", "色拉路", "朵森格路", "宇拓路", "当热路", "林廓北路", "扎基路"];

    private static readonly string[] Roads = ["人民路", "解放路", "团结路", "幸福路", "建设路", "迎宾大道", "文化路", "阳光路", "新区路", "滨河路"];

    private const string PermitTail = "（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）";
    private const string GeneralTail = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

    // Multiplying by a number coprime to 31⁶ numbers the organisation codes in a scattered order without repeats.
    private const long CodeSpace = 887_503_681;
    private const long CodeStride = 387_420_489;

    private readonly Random _random;
    private readonly (string Code, string Name, string Address)[] _regions;
    private readonly string[] _permitPhrases;

    public CompanyGenerator(int seed, IEnumerable<(string Code, string Name, string? ParentName)> regions, IEnumerable<string> permitPhrases)
    {
        _random = new Random(seed);
        _regions = [.. regions.Select(r => (r.Code, r.Name, "西藏自治区" + r.ParentName + r.Name))];
        _permitPhrases = [.. permitPhrases.Distinct(StringComparer.Ordinal)];
        if (_regions.Length == 0 || _permitPhrases.Length == 0)
        {
            throw new ArgumentException("Regions and permit phrases are needed.");
        }
    }

    /// <summary>A generator over the platform's own data: Tibet's cities and counties, and every catalogue's scope phrases.</summary>
    public static CompanyGenerator FromReferenceData(int seed)
    {
        var rows = new List<string[]>();
        using (var reader = new StreamReader(EmbeddedFiles.Open("regions/540000-xizang.csv")))
        {
            rows.AddRange(Csv.Read(reader).Skip(1).Select(r => r.Fields).Where(f => f.Length >= 4));
        }

        var names = rows.ToDictionary(r => r[0], r => r[1]);
        var regions = rows.Where(r => r[2] is "county" or "city" && r[0] != "540000")
            .Select(r => (r[0], r[1], r[2] == "county" && names.TryGetValue(r[3], out var parent) ? parent : (string?)null));

        var phrases = new List<string>();
        foreach (var catalogue in EmbeddedFiles.List("catalog"))
        {
            using var document = JsonDocument.Parse(EmbeddedFiles.Open(catalogue));
            phrases.AddRange(document.RootElement.GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("scopePhrases", out _))
                .SelectMany(i => i.GetProperty("scopePhrases").EnumerateArray().Select(p => p.GetString()!)));
        }

        return new CompanyGenerator(seed, regions, phrases);
    }

    public IEnumerable<GeneratedCompany> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next(i);
        }
    }

    /// <summary>Writes the import file: the header of <see cref="CompanySheet.Columns"/>, then one row per company.</summary>
    public void WriteCsv(TextWriter writer, int count)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Csv.WriteRecord(writer, [.. CompanySheet.Columns]);
        foreach (var company in Generate(count))
        {
            Csv.WriteRecord(writer, CompanySheet.ToCells(company.Code, company.Facts, company.LegalRepresentativeId));
        }
    }

    private GeneratedCompany Next(int index)
    {
        var region = _regions[_random.Next(_regions.Length)];
        var roll = _random.Next(100);
        var type = roll switch
        {
            < 45 => EnterpriseType.DomesticCompany,
            < 90 => EnterpriseType.IndividualBusiness,
            < 98 => EnterpriseType.Cooperative,
            _ => EnterpriseType.ForeignInvested,
        };
        var person = Person();
        var (name, general, capital) = type switch
        {
            EnterpriseType.IndividualBusiness => Shop(region.Name, person),
            EnterpriseType.Cooperative => Cooperative(region.Name),
            _ => Company(region.Name, type),
        };

        var category = type switch
        {
            EnterpriseType.IndividualBusiness => '2',
            EnterpriseType.Cooperative => '3',
            _ => '1',
        };
        var code = Uscc.Compose('9', category, region.Code, OrganisationBase(index + 1));
        var established = Date(EarliestDate, LatestDate, recentBias: true);
        var approved = Date(established, Min(established.AddYears(3), LatestDate), recentBias: false);
        var facts = new EnterpriseFacts(
            name,
            type,
            person,
            $"{region.Address}{Pick(region.Code.StartsWith("5401", StringComparison.Ordinal) ? LhasaRoads : Roads)}{_random.Next(1, 300)}号",
            region.Code,
            region.Name + "市场监督管理局",
            established,
            approved,
            capital,
            Scope(general, type));
        return new GeneratedCompany(code, facts, IdentityNumberFor(region.Code, established));
    }

    private (string Name, string[] General, decimal Capital) Company(string region, EnterpriseType type)
    {
        var (industry, general) = Industries[_random.Next(Industries.Length)];
        var capital = type == EnterpriseType.ForeignInvested ? Capital(100, 20_000) : Capital(10, 5_000);
        return ($"{region}{Pick(TradeNames)}{industry}{Pick(CompanyForms)}", general, capital);
    }

    private (string Name, string[] General, decimal Capital) Shop(string region, string person)
    {
        var (shop, general) = Shops[_random.Next(Shops.Length)];
        var trade = _random.Next(3) == 0 ? Pick(TradeNames) : person[..Math.Min(2, person.Length)];
        return ($"{region}{trade}{shop}", general, Capital(1, 50));
    }

    private (string Name, string[] General, decimal Capital) Cooperative(string region)
    {
        var (product, general) = CooperativeProducts[_random.Next(CooperativeProducts.Length)];
        return ($"{region}{Pick(TradeNames)}{product}专业合作社", general, Capital(5, 500));
    }

    /// <summary>许可项目 drawn from the catalogue (for about half of the companies), then the general items.</summary>
    private string Scope(string[] general, EnterpriseType type)
    {
        var text = new StringBuilder();
        if (_random.Next(100) < (type == EnterpriseType.IndividualBusiness ? 35 : 55))
        {
            text.Append("许可项目：");
            var count = _random.Next(1, 4);
            for (var i = 0; i < count; i++)
            {
                text.Append(i == 0 ? string.Empty : "；").Append(Pick(_permitPhrases));
            }

            text.Append(PermitTail);
        }

        text.Append("一般项目：");
        var items = general.OrderBy(_ => _random.Next()).Take(_random.Next(1, general.Length + 1)).ToList();
        if (_random.Next(2) == 0)
        {
            items.Add(Pick(Industries).General[0]);
        }

        text.AppendJoin("；", items.Distinct(StringComparer.Ordinal)).Append(GeneralTail);
        return text.ToString();
    }

    private string Person()
    {
        if (_random.Next(100) < 75)
        {
            var first = Pick(TibetanNames);
            return _random.Next(3) == 0 ? first : first + Pick(TibetanNames);
        }

        return Pick(HanSurnames) + Pick(HanGiven) + (_random.Next(2) == 0 ? Pick(HanGiven) : string.Empty);
    }

    /// <summary>Born 22 to 60 years before the company was established, in the region it registers in.</summary>
    private string IdentityNumberFor(string regionCode, DateOnly established)
    {
        var birth = Date(established.AddYears(-60), established.AddYears(-22), recentBias: false);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{regionCode}{birth:yyyyMMdd}{_random.Next(1, 1000):000}");
        return first17 + IdentityNumber.ComputeCheckCharacter(first17);
    }

    private static string OrganisationBase(long index)
    {
        // "MA" then six symbols of the code alphabet: the shape of organisation codes issued since 2015.
        Span<char> digits = stackalloc char[6];
        var value = (index * CodeStride) % CodeSpace;
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % Alphabet.Length)];
            value /= Alphabet.Length;
        }

        return string.Concat("MA", digits);
    }

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Ten-thousand yuan, spread logarithmically and rounded as people state capital.</summary>
    private decimal Capital(double min, double max)
    {
        var value = Math.Exp(Math.Log(min) + (_random.NextDouble() * (Math.Log(max) - Math.Log(min))));
        return value < 10 ? Math.Round((decimal)value, 1) : Math.Round((decimal)value / 10) * 10;
    }

    /// <summary>A day between the two; with a recent bias, later years are likelier (registrations grew year by year).</summary>
    private DateOnly Date(DateOnly from, DateOnly to, bool recentBias)
    {
        var span = to.DayNumber - from.DayNumber;
        var position = recentBias ? Math.Sqrt(_random.NextDouble()) : _random.NextDouble();
        return DateOnly.FromDayNumber(from.DayNumber + (int)(position * span));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
