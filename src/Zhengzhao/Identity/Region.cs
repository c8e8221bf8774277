namespace Zhengzhao.Identity;

/// <summary>An administrative division (GB/T 2260 code; development zones carry statistical codes in the same shape).</summary>
public sealed class Region
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
}

public enum RegionLevel
{
    Province,
    City,
    County,
}
