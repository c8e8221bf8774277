namespace Zhengzhao.ReferenceData;

/// <summary>An administrative division (GB/T 2260 code; development zones carry statistical codes in the same shape).</summary>
public sealed class Region : Audit.IAudited
{
    private Region()
    {
        Code = Name = string.Empty;
    }

    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level { get; private set; }

    public string? ParentCode { get; private set; }

    /// <summary>Where a reform is tried first; the 2018 notice's pilot is 540172 拉萨经济技术开发区.</summary>
    public bool IsPilotZone { get; private set; }

    public void Edit(string name, bool isPilotZone)
    {
        Name = name;
        IsPilotZone = isPilotZone;
    }

    public static bool IsWellFormedCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The code prefix every region under this one shares: 540000 → 54, 540100 → 5401, 540172 → 540172. A window or
    /// an office of a region covers the codes that start with it.
    /// </summary>
    public static string CoveragePrefix(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.EndsWith("0000", StringComparison.Ordinal) ? code[..2] : code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : code;
    }
}

public enum RegionLevel
{
    Province,
    City,
    County,
}
