namespace Zhengzhao.ReferenceData;

/// <summary>A government department that approves, supervises, registers or oversees.</summary>
public sealed class Department : Audit.IAudited
{
    private Department()
    {
        Code = Name = RegionCode = string.Empty;
    }

    public Department(string code, string name, string regionCode, string? shortName)
    {
        Code = code;
        Name = name;
        RegionCode = regionCode;
        ShortName = shortName;
        IsActive = true;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? ShortName { get; private set; }

    /// <summary>The region whose government the department belongs to.</summary>
    public string RegionCode { get; private set; }

    public bool IsActive { get; private set; }

    public void Edit(string name, string? shortName, string regionCode, bool isActive)
    {
        Name = name;
        ShortName = shortName;
        RegionCode = regionCode;
        IsActive = isActive;
    }
}
