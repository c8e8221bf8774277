using Zhengzhao.Registry;

namespace Zhengzhao.Web.Tests.Registry;

/// <summary>The registration event the tests deliver when they need a company of their own.</summary>
internal static class RegistryApi
{
    /// <summary>A 设立登记 in the Lhasa zone whose scope needs two permits (电影发行 and 食品销售).</summary>
    public static object Registration(string code, string eventId, string name = "拉萨推送测试有限公司") => new
    {
        eventId,
        kind = "Registration",
        uscc = code,
        name,
        type = "DomesticCompany",
        legalRepresentative = "次仁",
        legalRepresentativeId = "54010219900101103" + IdentityNumber.ComputeCheckCharacter("54010219900101103"),
        address = "拉萨经开区（测试）",
        regionCode = "540172",
        registeringAuthority = "拉萨市市场监督管理局",
        establishedOn = "2026-11-20",
        approvedOn = "2026-11-20",
        registeredCapital = 50m,
        businessScope = "许可项目：电影发行；食品销售。",
    };
}
