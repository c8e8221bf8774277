using System.Net.Http.Json;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;
using static Zhengzhao.Web.Api.CoordinationEndpoints;
using static Zhengzhao.Web.Tests.Infrastructure.TextLimitChecks;

namespace Zhengzhao.Web.Tests.Coordination;

/// <summary>Every text the coordination endpoints take has a maximum and no control characters; a field beyond them is refused whole.</summary>
public sealed class CoordinationTextLimitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Every_coordination_text_field_refuses_an_over_long_value_or_a_control_character_and_nothing_is_written()
    {
        var code = SampleRegistration.Code("MA6TTL03");
        var registrar = await factory.BearerClientAsync(Roles.Regulator);
        var approver = await factory.BearerClientAsync(Roles.Approver);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        (await registrar.PostAsJsonAsync("/api/v1/registry/registrations", SampleRegistration.Json(code, "tl-coordination"))).EnsureSuccessStatusCode();
        var inbox = await (await approver.GetAsync("/api/v1/coordination/inbox")).ReadAsAsync<PushView[]>();
        var push = $"/api/v1/coordination/pushes/{inbox.Single(p => p.Uscc == code).Id}";
        var letter = (await (await applicant.GetAsync("/api/v1/coordination/letters")).ReadAsAsync<LetterView[]>()).First().Id;
        Row[] pending =
        [
            TooLong($"{push}/return", new { reason = "NotOurRemit", remark = "不属于本部门" }, "remark", Push.MaxRemarkLength),
            WithNul($"{push}/return", new { reason = "NotOurRemit", remark = "不属于本部门" }, "remark"),
            TooLong($"{push}/feedback", new { outcome = "Granted", permitNumber = "藏影发（2026）第017号" }, "permitNumber", Push.MaxPermitNumberLength),
            WithControl($"{push}/feedback", new { outcome = "Granted", permitNumber = "藏影发（2026）第017号" }, "permitNumber"),
            TooLong($"{push}/feedback", new { outcome = "NotNeeded", remark = "经营范围不涉及" }, "remark", Push.MaxRemarkLength),
        ];
        Row[] returned =
        [
            TooLong($"{push}/close", new { remark = "无需审批" }, "remark", Push.MaxRemarkLength),
            WithControl($"{push}/close", new { remark = "无需审批" }, "remark"),
            TooLong($"{push}/redispatch", new { department = "XZ-SWT" }, "department", TextLimits.DepartmentCode),
        ];
        var letterRows = new[]
        {
            TooLong($"/api/v1/coordination/letters/{letter}/sign", new { signatoryName = "扎西" }, "signatoryName", TextLimits.PersonName),
            WithNul($"/api/v1/coordination/letters/{letter}/sign", new { signatoryName = "扎西" }, "signatoryName"),
        };
        var scope = TooLong("/api/v1/scope-analysis", new { businessScope = "电影发行", enterpriseType = "DomesticCompany", region = "540100" }, "businessScope", AnalyseScope.MaxScopeLength);

        foreach (var row in pending)
        {
            await factory.AssertRefusedAsync(approver, row);
        }

        (await approver.PostAsJsonAsync($"{push}/return", new { reason = "NotOurRemit" })).EnsureSuccessStatusCode();
        foreach (var row in returned)
        {
            await factory.AssertRefusedAsync(registrar, row);
        }

        foreach (var row in letterRows)
        {
            await factory.AssertRefusedAsync(applicant, row);
        }

        await factory.AssertRefusedAsync(factory.Anonymous(), scope);
    }
}
