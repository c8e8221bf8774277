using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Web.Tests.Infrastructure;
using PermitDetail = Zhengzhao.Web.Api.PermitEndpoints.PermitDetail;

namespace Zhengzhao.Web.Tests.Licensing;

/// <summary>
/// The permit from an approved application to its public verification: issued once, verified through the signed
/// link of its QR code without personal data, revoked by its department, and seen only by those entitled to it.
/// </summary>
public sealed partial class PermitTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    private static readonly Actor Approver = new(AccountSeeder.DemoUserName(Roles.Approver));

    private async Task<string> VerificationUrlAsync(Permit permit)
    {
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var detail = await (await applicant.GetAsync($"/api/v1/permits/{permit.Number}/detail")).ReadAsAsync<PermitDetail>();
        return detail.VerificationUrl;
    }

    [Fact]
    public async Task An_approved_application_gets_one_permit_however_often_and_however_concurrently_issuance_is_called()
    {
        var application = await SamplePermits.ApprovedApplicationAsync(factory, SamplePermits.ApplicantCompany);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(application, "包装装潢印刷品印刷", Approver))));
        var again = await factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(application, null, Approver));

        var number = results[0].Value!.Number;
        Assert.Matches(PermitNumber(), number);
        Assert.All(results.Append(again), r => Assert.Equal(number, r.Value!.Number));
        var (permits, events, audits) = await factory.WithDbAsync(async db => (
            await db.Permits.Where(p => p.ApplicationId == application).ToListAsync(),
            await db.LicensingEvents.Where(e => e.PermitNumber == number).Select(e => e.Type).ToListAsync(),
            await db.AuditEntries.CountAsync(e => e.EntityId == number)));
        var permit = Assert.Single(permits);
        Assert.Equal((PermitKind.Permit, "包装装潢印刷品印刷", "拉萨雪域味道餐饮管理有限公司", "印刷经营许可证", "XZ-XWGD"), (permit.Kind, permit.Scope, permit.HolderName, permit.PermitName, permit.DepartmentCode));
        Assert.Equal([LicensingEvent.PermitIssued], events);
        Assert.Equal(1, audits);
    }

    [Fact]
    public async Task Numbers_run_on_per_department_and_year_without_duplicates_when_issued_at_once()
    {
        var applications = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            applications.Add(await SamplePermits.ApprovedApplicationAsync(factory, SamplePermits.OtherCompany));
        }

        var numbers = await Task.WhenAll(applications.Select(id =>
            factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(id, null, Approver))));

        var serials = numbers.Select(r => int.Parse(r.Value!.Number[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(5, serials.Distinct().Count());
        Assert.Equal(serials[0] + 4, serials[^1]);
    }

    [Fact]
    public async Task An_application_not_yet_approved_gets_no_permit()
    {
        var approvedId = await SamplePermits.ApprovedApplicationAsync(factory, SamplePermits.ApplicantCompany);
        var draft = await factory.WithDbAsync(async db =>
        {
            var approved = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == approvedId);
            var application = new Application(approved.Uscc, approved.RegionCode, approved.Item, ApplicationRoute.Ordinary, "demo-applicant", false);
            db.Applications.Add(application);
            await db.SaveArrangedAsync(factory.Clock);
            return application.Id;
        });

        var refused = await factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(draft, null, Approver));
        var missing = await factory.WithUseCaseAsync<IssuePermit, Result<Permit>>(issue => issue.IssueAsync(Guid.NewGuid(), null, Approver));

        Assert.Equal(("licensing/not-approved", RefusalKind.Conflict), (refused.Refusal!.Type, refused.Refusal.Kind));
        Assert.Equal(RefusalKind.NotFound, missing.Refusal!.Kind);
    }

    [Fact]
    public async Task The_verification_page_of_the_QR_link_shows_the_status_to_anyone_and_no_personal_data()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var url = new Uri(await VerificationUrlAsync(permit));
        var holder = await factory.WithDbAsync(db => db.Enterprises.AsNoTracking().FirstAsync(e => e.Uscc == permit.Uscc));

        var page = await factory.Anonymous().GetStringAsync(url.PathAndQuery);
        var api = await factory.Anonymous().GetStringAsync("/api/v1/permits/verify/" + url.Segments[^1]);

        Assert.StartsWith("/Verify/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("✔ 有效", page, StringComparison.Ordinal);
        Assert.Contains(permit.Number, page, StringComparison.Ordinal);
        Assert.Contains(holder.Name, page, StringComparison.Ordinal);
        Assert.Contains("新闻出版广电局", page, StringComparison.Ordinal);
        foreach (var text in new[] { page, api })
        {
            Assert.DoesNotContain(holder.LegalRepresentative, text, StringComparison.Ordinal);
            Assert.DoesNotContain(holder.LegalRepresentativeIdMasked, text, StringComparison.Ordinal);
            Assert.DoesNotContain(holder.Address, text, StringComparison.Ordinal);
        }

        Assert.Contains("\"state\":\"Valid\"", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_or_altered_token_is_refused()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var token = new Uri(await VerificationUrlAsync(permit)).Segments[^1];
        var altered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var anonymous = factory.Anonymous();

        var page = await anonymous.GetStringAsync("/Verify/" + altered);
        var madeUp = await anonymous.GetStringAsync("/Verify/" + Convert.ToBase64String(permit.Id.ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-'));
        var problem = await (await anonymous.GetAsync("/api/v1/permits/verify/" + altered)).AssertProblemAsync(404);

        Assert.Contains("核验码无效或已被篡改", page, StringComparison.Ordinal);
        Assert.DoesNotContain(permit.Number, page, StringComparison.Ordinal);
        Assert.Contains("核验码无效或已被篡改", madeUp, StringComparison.Ordinal);
        Assert.Equal("/problems/licensing/invalid-token", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_revoked_permit_shows_as_revoked_on_its_verification_page_and_the_revocation_is_audited_and_published()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var url = new Uri(await VerificationUrlAsync(permit));
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var noReason = await (await approver.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/revoke", new { reason = " ", revision = 0 })).AssertProblemAsync(400);
        var revoked = await (await approver.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/revoke", new { reason = "经核查，告知承诺内容不实", revision = 0 })).ReadAsAsync<PermitDetail>();
        var page = await factory.Anonymous().GetStringAsync(url.PathAndQuery);
        var byNumber = await (await factory.Anonymous().GetAsync($"/api/v1/permits/{permit.Number}")).ReadAsAsync<PublicPermit>();

        Assert.Contains("reason", noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Revoked", "Revoked", 1), (revoked.Status, revoked.State, revoked.Revision));
        Assert.Contains("✘ 已撤销（2026年11月26日起）", page, StringComparison.Ordinal);
        Assert.Equal("已撤销", byNumber.StateName);
        var (events, actions) = await factory.WithDbAsync(async db => (
            await db.LicensingEvents.Where(e => e.PermitNumber == permit.Number).OrderBy(e => e.Id).Select(e => e.Type).ToListAsync(),
            await db.AuditEntries.Where(e => e.EntityId == permit.Number).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync()));
        Assert.Equal([LicensingEvent.PermitIssued, LicensingEvent.PermitRevoked], events);
        Assert.Equal(["licensing.permit-issued", "licensing.permit-revoked"], actions);
    }

    [Fact]
    public async Task An_applicant_sees_only_its_own_companys_permits()
    {
        var own = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var other = await SamplePermits.IssuedAsync(factory, SamplePermits.OtherCompany);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);
        var browser = await factory.CookieClientAsync(Roles.Applicant);

        var list = await (await applicant.GetAsync("/api/v1/permits")).ReadAsAsync<PermitDetail[]>();
        await (await applicant.GetAsync($"/api/v1/permits/{other.Number}/detail")).AssertProblemAsync(404);
        var page = await browser.GetAsync($"/Permits/{other.Id}");
        var ownPage = await browser.GetStringAsync($"/Permits/{own.Id}");
        var publicView = await (await applicant.GetAsync($"/api/v1/permits/{other.Number}")).ReadJsonAsync();

        var numbers = list.Select(p => p.Number).ToList();
        Assert.Contains(own.Number, numbers);
        Assert.DoesNotContain(other.Number, numbers);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("<svg", ownPage, StringComparison.Ordinal);
        Assert.Contains("扫码核验", ownPage, StringComparison.Ordinal);
        Assert.False(publicView.TryGetProperty("uscc", out _));
    }

    [Fact]
    public async Task Of_two_officers_revoking_at_once_one_succeeds_and_the_other_gets_409()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var first = await factory.BearerClientAsync(Roles.Approver);
        var second = await factory.BearerClientAsync(Roles.Approver);

        var answers = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/revoke", new { reason = "以欺骗手段取得许可", revision = 0 }),
            second.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/revoke", new { reason = "告知承诺内容不实", revision = 0 }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(409);
        Assert.Single(await factory.WithDbAsync(db => db.LicensingEvents.Where(e => e.PermitNumber == permit.Number && e.Type == LicensingEvent.PermitRevoked).ToListAsync()));
    }

    [Fact]
    public async Task A_change_from_a_stale_revision_is_refused_and_a_current_one_makes_a_new_edition()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var approver = await factory.BearerClientAsync(Roles.Approver);

        var changed = await (await approver.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/change", new { scope = "包装装潢印刷品和其他印刷品印刷", reason = "增加印刷品类别", revision = 0 })).ReadAsAsync<PermitDetail>();
        await (await approver.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/cancel", new { reason = "持证人申请注销", revision = 0 })).AssertProblemAsync(409);

        Assert.Equal((permit.Number, 2, "包装装潢印刷品和其他印刷品印刷"), (changed.Number, changed.TextVersion, changed.Scope));
        Assert.Equal(permit.Scope, changed.History[0].Scope);
    }

    [Fact]
    public async Task Another_departments_officer_cannot_act_on_a_permit_and_a_cookie_cannot_post()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var commerce = await factory.BearerClientAsync(Roles.DepartmentAdmin);
        var applicant = await factory.BearerClientAsync(Roles.Applicant);

        await (await commerce.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/cancel", new { reason = "持证人申请注销" })).AssertProblemAsync(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/v1/permits/{permit.Number}/cancel", new { reason = "持证人申请注销" })).StatusCode);
    }

    [Fact]
    public async Task A_permit_is_checked_by_its_number_on_the_public_form()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var anonymous = factory.Anonymous();

        var found = await anonymous.GetStringAsync($"/Verify?number={permit.Number.ToLowerInvariant()}");
        var unknown = await anonymous.GetStringAsync("/Verify?number=XZ-XWGD-2026-999999");
        await (await anonymous.GetAsync("/api/v1/permits/XZ-XWGD-2026-999999")).AssertProblemAsync(404);

        Assert.Contains("✔ 有效", found, StringComparison.Ordinal);
        Assert.Contains("没有证号为“XZ-XWGD-2026-999999”的证照", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewal_not_decided_before_expiry_is_deemed_granted()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var lastDay = new DateOnly(2026, 11, 25);

        // Migrated from an earlier system: a five-year permit issued in 2021, its last day yesterday, its renewal filed in the window.
        var migrated = await factory.WithDbAsync(async db =>
        {
            var item = (await db.Applications.AsNoTracking().FirstAsync(a => a.Id == permit.ApplicationId)).Item;
            var old = new Permit("XZ-XWGD-2021-000077", PermitKind.Permit, permit.Uscc, permit.HolderName, item, new PermitTerms("印刷经营许可证", permit.Scope, 5, 30), new DateOnly(2021, 11, 26), null, "migration");
            db.Permits.Add(old);
            await db.SaveArrangedAsync(factory.Clock);
            return old.Number;
        });

        var early = await factory.WithUseCaseAsync<RenewPermit, Result<Permit>>(renew => renew.HandleAsync(new(migrated, lastDay.AddDays(-40), RenewalBasis.Deemed, Actor.System)));
        var decided = await factory.WithUseCaseAsync<RenewPermit, Result<Permit>>(renew => renew.HandleAsync(new(migrated, lastDay.AddDays(-20), RenewalBasis.Decided, Approver)));
        var deemed = await factory.WithUseCaseAsync<RenewPermit, Result<Permit>>(renew => renew.HandleAsync(new(migrated, lastDay.AddDays(-20), RenewalBasis.Deemed, Actor.System)));

        Assert.Equal("licensing/renewal-too-early", early.Refusal!.Type);
        Assert.Equal("licensing/renewal-deemed", decided.Refusal!.Type);
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2031, 11, 25)), (deemed.Value!.ValidFrom, deemed.Value.ValidTo!.Value));
        Assert.Equal("逾期未作决定，依法视为准予延续", deemed.Value.History.Single().Reason);
    }

    [Fact]
    public async Task The_issuing_department_cancels_on_the_permit_page_with_a_reason_and_the_holder_sees_it_cancelled()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var officer = await factory.CookieClientAsync(Roles.Approver);
        var holder = await factory.CookieClientAsync(Roles.Applicant);
        var page = $"/Permits/{permit.Id}";
        var form = new Func<string, Dictionary<string, string>>(reason => new() { ["number"] = permit.Number, ["reason"] = reason, ["revision"] = "0" });

        Assert.DoesNotContain("permit-actions", await holder.GetStringAsync(page), StringComparison.Ordinal);
        var noReason = await ZhengzhaoFactory.PostFormAsync(officer, page + "?handler=Cancel", form(""), page);
        var cancelled = await ZhengzhaoFactory.PostFormAsync(officer, page + "?handler=Cancel", form("持证人申请注销"), page);
        var shown = await holder.GetStringAsync(page);

        Assert.Contains("注销须写明理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("已注销", shown, StringComparison.Ordinal);
        Assert.Contains("持证人申请注销", shown, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^XZ-XWGD-2026-\d{6}$")]
    private static partial Regex PermitNumber();
}

/// <summary>An installation behind a proxy, with the public address its printed QR codes must carry.</summary>
public sealed class PublicAddressFactory : ZhengzhaoFactory
{
    public const string PublicBaseUrl = "https://zhengzhao.example.gov.cn";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Licensing:PublicBaseUrl"] = PublicBaseUrl + "/" };
}

public sealed partial class PermitPublicAddressTests(PublicAddressFactory factory) : IClassFixture<PublicAddressFactory>
{
    [Fact]
    public async Task The_QR_link_carries_the_configured_public_address_and_opens_there()
    {
        var permit = await SamplePermits.IssuedAsync(factory, SamplePermits.ApplicantCompany);
        var applicant = await factory.CookieClientAsync(Roles.Applicant);

        var page = await applicant.GetStringAsync($"/Permits/{permit.Id}");
        var link = VerifyLink().Match(page).Groups[1].Value;

        Assert.StartsWith(PublicAddressFactory.PublicBaseUrl + "/Verify/", link, StringComparison.Ordinal);
        Assert.Contains("✔ 有效", await factory.Anonymous().GetStringAsync(new Uri(link).PathAndQuery), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"verify-link\"")]
    private static partial Regex VerifyLink();
}
