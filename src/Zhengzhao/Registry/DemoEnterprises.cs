using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// A few registered companies for the demo data set, the demo applicant's among them, with synthetic identity
/// numbers (valid in form, belonging to no one). Registered through the same use case as real registrations.
/// </summary>
public static class DemoEnterprises
{
    private static readonly (string OrgBase, string Name, EnterpriseType Type, string Person, string Birth, string Region, decimal Capital, string Scope)[] Companies =
    [
        ("MA6T2K8P", "拉萨雪域味道餐饮管理有限公司", EnterpriseType.DomesticCompany, "扎西", "19850312", "540172", 200m, "许可项目：餐饮服务；食品销售；道路普通货物运输。一般项目：餐饮管理；日用百货销售。"),
        ("MA6T3L9Q", "西藏圣光影院有限公司", EnterpriseType.ForeignInvested, "李明", "19790821", "540102", 3000m, "许可项目：电影放映；食品销售。一般项目：会议及展览服务。"),
        ("MA6T4M2R", "拉萨经开区格桑旅行社有限公司", EnterpriseType.DomesticCompany, "卓玛", "19920405", "540172", 100m, "许可项目：旅行社业务；国内旅游业务。一般项目：票务代理服务。"),
        ("MA6T5N3T", "日喀则珠峰印务有限公司", EnterpriseType.DomesticCompany, "次仁", "19880117", "540202", 500m, "许可项目：包装装潢印刷品印刷；出版物零售。一般项目：文具用品零售。"),
    ];

    /// <summary>The codes of the demo companies, for the steps that follow registration (dual notification).</summary>
    public static IEnumerable<string> Codes => Companies.Select(c => Uscc.Compose('9', '1', c.Region, c.OrgBase).Value);

    public static async Task SeedAsync(RecordRegistration record, ZhengzhaoDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(db);
        foreach (var c in Companies)
        {
            var code = Uscc.Compose('9', '1', c.Region, c.OrgBase);
            if (await db.Enterprises.AnyAsync(e => e.Uscc == code.Value, cancellationToken))
            {
                continue;
            }

            var first17 = $"{c.Region}{c.Birth}{101 + Array.IndexOf(Companies, c):000}";
            var identity = first17 + IdentityNumber.ComputeCheckCharacter(first17);
            var established = DateOnly.ParseExact("2019-03-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(97 * Array.IndexOf(Companies, c));
            var result = await record.HandleAsync(
                new("demo-" + code.Value, RecordRegistration.EventKind.Registration, code.Value, c.Name, c.Type, c.Person, identity, "西藏自治区" + c.Name[..2] + "（示例地址）", c.Region, "拉萨市市场监督管理局", established, established, c.Capital, c.Scope, Actor.System),
                cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Demo company {c.Name}: {result.Refusal.Detail}");
            }
        }
    }
}
