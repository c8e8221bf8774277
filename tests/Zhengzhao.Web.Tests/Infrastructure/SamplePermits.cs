using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// Applications driven through their own transitions to approval, and their permits issued, for the tests that start
/// from a decision. The default item is 印刷经营许可 (SL-007, 告知承诺, 新闻出版广电局: the demo approver's department).
/// </summary>
public static class SamplePermits
{
    /// <summary>西藏圣光影院有限公司, a demo company that is not the demo applicant's.</summary>
    public static readonly string OtherCompany = Uscc.Compose('9', '1', "540102", "MA6T3L9Q").Value;

    public static string ApplicantCompany => AccountSeeder.DemoEnterprise.Value;

    public static Task<Guid> ApprovedApplicationAsync(ZhengzhaoFactory factory, string uscc, string itemCode = "SL-007")
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var version = await db.ItemVersions.AsNoTracking().Where(v => v.ItemCode == itemCode && !v.IsDraft).OrderByDescending(v => v.Number).FirstAsync();
            var c = version.Content;
            var item = new PinnedItem(version.ItemCode, version.Number, c.Name, c.DepartmentCode, c.Mode, new ClockLimits(c.StatutoryLimitDays, c.CommittedLimitDays), c.ExtensionDays, [.. c.Materials.Select(m => m.Name)], [.. c.Materials.Where(m => m.Required).Select(m => m.Name)], c.Steps, c.CommitmentLetterText);
            var today = ChinaTime.Today(factory.Clock);
            var application = new Application(uscc, "540172", item, ApplicationRoute.Commitment, AccountSeeder.DemoUserName(Roles.Applicant), filedAtWindow: false);
            foreach (var material in item.RequiredMaterials)
            {
                application.AttachMaterial(material, Guid.CreateVersion7());
            }

            Assert.True(application.SignCommitment(new CommitmentSignature(new string('a', 64), "扎西", factory.Clock.GetUtcNow(), null)).IsSuccess);
            Assert.True(application.Submit("T-" + Guid.NewGuid().ToString("N")[..12], today).IsSuccess);
            Assert.True(application.Decide(true, null, AccountSeeder.DemoUserName(Roles.Approver), today).IsSuccess);
            db.Applications.Add(application);
            await db.SaveArrangedAsync(factory.Clock);
            return application.Id;
        });
    }

    public static async Task<Permit> IssuedAsync(ZhengzhaoFactory factory, string uscc, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var application = await ApprovedApplicationAsync(factory, uscc);
        var issued = await factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(application, scope, new Actor(AccountSeeder.DemoUserName(Roles.Approver))));
        Assert.True(issued.IsSuccess, issued.Refusal?.Detail);
        return issued.Value!;
    }
}
