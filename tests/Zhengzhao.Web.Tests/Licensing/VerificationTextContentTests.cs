using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Tests.Infrastructure.TextLimitChecks;
using static Zhengzhao.Web.Tests.Licensing.LicensingApi;
using ApplicationView = Zhengzhao.Web.Api.LicensingEndpoints.ApplicationView;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// A verification's findings go on the permit's record and, when false, into the revocation's reason and the credit
/// record: a character that turns the text's direction or a control character is refused by field, and the
/// verification stays open.
/// </summary>
public sealed class VerificationTextContentTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Theory]
    [InlineData("核查\u202E实不", "文字方向")]
    [InlineData("核查\u0007记录", "控制字符")]
    public async Task Findings_holding_a_direction_override_or_a_control_character_are_refused_and_the_verification_stays_open(string findings, string expected)
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var filed = await (await FileAsync(applicant, new { itemCode = "SL-003", materials = await factory.RequiredMaterialsAsync(applicant, "SL-003") })).ReadAsAsync<ApplicationView>();
        var id = await factory.WithDbAsync(db => db.Verifications.Where(v => v.ApplicationId == filed.Id).Select(v => v.Id).SingleAsync());
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);

        await factory.AssertRefusedAsync(commerce, new Row($"/api/v1/licensing/verifications/{id}/conclusion", new { outcome = "False", findings = "经营场所与备案不符" }, "findings", findings, expected));

        var stored = await factory.WithDbAsync(db => db.Verifications.Where(v => v.Id == id).Select(v => new { v.Outcome, v.Findings }).SingleAsync());
        Assert.Null(stored.Outcome);
        Assert.Null(stored.Findings);
    }
}
