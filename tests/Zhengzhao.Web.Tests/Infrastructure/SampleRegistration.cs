using Zhengzhao.Registry;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>A registration as a registration system delivers it to <c>POST /api/v1/registry/registrations</c>.</summary>
public static class SampleRegistration
{
    public const string FilmAndFood = "许可项目：电影发行；食品销售。一般项目：日用百货销售。";

    public static readonly string Person = IdNumber("54010219900101103");

    public static string Code(string orgBase, string region = "540172") => Uscc.Compose('9', '1', region, orgBase).Value;

    /// <summary>A resident identity number with a valid check character, from its first 17 digits.</summary>
    public static string IdNumber(string first17) => first17 + IdentityNumber.ComputeCheckCharacter(first17);

    public static object Json(string code, string eventId, string kind = "Registration", string scope = FilmAndFood, string? person = null, string establishedOn = "2026-11-20", string? name = null) => new
    {
        eventId,
        kind,
        uscc = code,
        name = name ?? "拉萨双告知测试有限公司" + code[^4..],
        type = "DomesticCompany",
        legalRepresentative = "达瓦",
        legalRepresentativeId = person ?? Person,
        address = "拉萨经开区（测试）",
        regionCode = code.Substring(2, 6),
        registeringAuthority = "拉萨市市场监督管理局",
        establishedOn,
        approvedOn = establishedOn,
        registeredCapital = 50m,
        businessScope = scope,
    };
}
