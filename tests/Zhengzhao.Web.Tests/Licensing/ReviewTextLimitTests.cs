using System.Net;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>The officers' texts on an application are bounded by the platform's own limits, not limits of their own.</summary>
public sealed class ReviewTextLimitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_hand_over_names_an_account_no_longer_than_any_account_name_may_be()
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var clerk = await factory.BearerClientAsync(Roles.WindowClerk);
        var head = await factory.NewBearerClientAsync("limit-syj-chief", Roles.DepartmentAdmin, "XZ-SYJ", "540000");
        var id = (await (await FileAsync(applicant, new { itemCode = "SL-014", materials = await factory.RequiredMaterialsAsync(applicant, "SL-014") })).ReadAsAsync<ApplicationView>()).Id;
        await ActAsync(clerk, id, "accept");

        var refused = await ActAsync(head, id, "hand-over", new { to = new string('a', IdentityRules.MaxUserNameLength + 1) }, HttpStatusCode.BadRequest);

        Assert.Equal("/problems/licensing/text-too-long", refused.GetProperty("type").GetString());
        Assert.Equal("接办人账户不超过50字（现为51字）。", refused.GetProperty("detail").GetString());
    }
}
