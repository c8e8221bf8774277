namespace Zhengzhao.Catalog;

/// <summary>改革方式: the process one catalogue item goes through.</summary>
public enum ReformMode
{
    /// <summary>取消审批，改为备案.</summary>
    Filing,

    /// <summary>简化审批，实行告知承诺制.</summary>
    Commitment,

    /// <summary>提高透明度和可预期性.</summary>
    Transparent,

    /// <summary>加强市场准入管理.</summary>
    StrictAccess,
}

/// <summary>Which catalogue an item belongs to: the official one, or the demo data set (labelled 示例 wherever shown).</summary>
public enum CatalogKind
{
    Official,
    Demo,
}

/// <summary>The level of government that approves the item (自治区 / 地市 / 县).</summary>
public enum ApprovalLevel
{
    Province,
    City,
    County,
}

public enum HandlingChannel
{
    Online,
    OnSite,
    OnlineOrOnSite,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

public enum MaterialForm
{
    Original,
    Copy,
    OriginalAndCopy,
}

/// <summary>The Chinese words for the catalogue's terms, in one place for pages, letters and spreadsheets.</summary>
public static class CatalogTerms
{
    public static readonly IReadOnlyList<ReformMode> Modes = [ReformMode.Filing, ReformMode.Commitment, ReformMode.Transparent, ReformMode.StrictAccess];

    public static string Name(ReformMode mode) => mode switch
    {
        ReformMode.Filing => "取消审批，改为备案",
        ReformMode.Commitment => "简化审批，实行告知承诺制",
        ReformMode.Transparent => "提高透明度和可预期性",
        ReformMode.StrictAccess => "加强市场准入管理",
        _ => mode.ToString(),
    };

    public static string ShortName(ReformMode mode) => mode switch
    {
        ReformMode.Filing => "备案",
        ReformMode.Commitment => "告知承诺",
        ReformMode.Transparent => "提高透明度",
        ReformMode.StrictAccess => "加强准入管理",
        _ => mode.ToString(),
    };

    /// <summary>Outside an item's rollout there is no reform mode: the ordinary approval process applies.</summary>
    public const string OrdinaryApproval = "普通审批";

    public static string Name(CatalogKind kind) => kind == CatalogKind.Official ? "官方目录" : "示例";

    public static string Name(ApprovalLevel level) => level switch
    {
        ApprovalLevel.Province => "自治区",
        ApprovalLevel.City => "地市",
        _ => "县",
    };

    public static string Name(HandlingChannel channel) => channel switch
    {
        HandlingChannel.Online => "网上办理",
        HandlingChannel.OnSite => "窗口办理",
        _ => "网上或窗口办理",
    };

    public static string Name(RiskLevel level) => level switch
    {
        RiskLevel.Low => "低",
        RiskLevel.Medium => "中",
        _ => "高",
    };

    public static string Name(MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        _ => "原件和复印件",
    };
}
