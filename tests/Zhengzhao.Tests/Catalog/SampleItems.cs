using Zhengzhao.Catalog;

namespace Zhengzhao.Tests.Catalog;

/// <summary>A publishable item of each mode, to vary one field at a time.</summary>
internal static class SampleItems
{
    public static readonly ItemContent Transparent = new()
    {
        Name = "国内船舶管理业务经营审批",
        DepartmentCode = "XZ-JTT",
        Level = ApprovalLevel.Province,
        LegalBasis = "《国内水路运输管理条例》第二十七条",
        Mode = ReformMode.Transparent,
        ReformMeasures = "公开审批标准、环节和时限。",
        SupervisionMeasures = "交通运输部门双随机抽查。",
        Conditions = [new("有与经营规模相适应的固定经营场所", "《国内水路运输辅助业管理规定》第六条")],
        Materials = [new("申请书", MaterialForm.Original, 1, true, null), new("授权委托书", MaterialForm.Original, 1, false, "委托他人办理的")],
        Steps = [new("受理", 1, null), new("审查", 10, null), new("决定", 3, null)],
        StatutoryLimitDays = 20,
        CommittedLimitDays = 15,
        ExtensionAllowed = true,
        ExtensionDays = 10,
        PauseForSupplement = true,
        Channel = HandlingChannel.OnlineOrOnSite,
        ServiceLocation = "拉萨市政务服务中心",
        ServiceHours = "工作日",
        PermitName = "国内船舶管理业务经营许可证",
        PermitValidityYears = 5,
        RiskLevel = RiskLevel.Medium,
        ScopePhrases = ["船舶管理"],
    };

    public static readonly ItemContent Commitment = Transparent with
    {
        Name = "外商投资影院电影放映许可",
        Mode = ReformMode.Commitment,
        Steps = [],
        CommittedLimitDays = 0,
        VerificationWindowDays = 30,
        CommitmentLetterText = "本人承诺……",
        EnterpriseTypes = [Zhengzhao.Registry.EnterpriseType.ForeignInvested],
    };
}
