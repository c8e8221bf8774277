using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// Who may act in a company's name in Licensing. The company's own applicant always; a window clerk for a company
/// registered in the window's region, and on an application only one the window itself filed with the agent who
/// came (never the company's own online application); department staff only to attach files to their department's
/// matters. Anyone else, and anyone naming a company that does not exist, gets one and the same refusal, which tells
/// nothing a caller could not already read; a window clerk is told which of the two it is, in the same type.
/// </summary>
public static class CompanyScope
{
    public static bool WindowCovers(string windowRegion, string companyRegion)
    {
        ArgumentNullException.ThrowIfNull(companyRegion);
        return companyRegion.StartsWith(Region.CoveragePrefix(windowRegion), StringComparison.Ordinal);
    }

    /// <summary>
    /// The company a window clerk names, decided as its filing will be, before the clerk fills in a form: a code that
    /// is not a valid unified social credit code is told what is wrong with it (field <c>uscc</c>); a company not
    /// registered at all, or registered in another region, gets <see cref="LicensingRefusals.CompanyOutOfScope"/>'s type with a detail saying which.
    /// </summary>
    public static async Task<Result<RegisteredEnterprise>> WindowCompanyAsync(ZhengzhaoDbContext db, string? uscc, string windowRegion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var check = Uscc.Check(uscc);
        if (check.Code is not { } code)
        {
            return LicensingRefusals.InvalidUscc(check.Reason!);
        }

        var enterprise = await db.RegisteredEnterprises().FirstOrDefaultAsync(e => e.Uscc == code.Value, cancellationToken);
        if (enterprise is null)
        {
            return LicensingRefusals.CompanyOutsideWindow("未找到该统一社会信用代码的市场主体，请核对代码，或请申请人确认企业已登记。");
        }

        if (WindowCovers(windowRegion, enterprise.RegionCode))
        {
            return enterprise;
        }

        var region = await db.Regions.AsNoTracking().Where(r => r.Code == enterprise.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? enterprise.RegionCode;
        return LicensingRefusals.CompanyOutsideWindow($"该企业登记在{region}，不属于本窗口辖区，请到其登记地的政务服务窗口办理。");
    }

    /// <summary>Whether the caller acts for the company as a window clerk, rather than as the company itself.</summary>
    public static bool AtWindow(FindApplications.Reader by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return by.Uscc is null && by.WindowRegion is not null;
    }

    /// <summary>
    /// An application the caller may hand in or complete for the company: the company's own, or for a clerk of its
    /// region one the window filed with an agent. A clerk who can read a company's own application is told only the
    /// company acts on it; anyone else finds no such application.
    /// </summary>
    public static async Task<Result<Application>> ApplicationAsync(ZhengzhaoDbContext db, Guid id, FindApplications.Reader by, string act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is not null && by.Uscc is { } own)
        {
            return application.Uscc == own ? application : LicensingRefusals.ApplicationNotFound;
        }

        if (application is null || !AtWindow(by) || !WindowCovers(by.WindowRegion!, application.RegionCode))
        {
            return LicensingRefusals.ApplicationNotFound;
        }

        return application.Agent is null
            ? LicensingRefusals.CompanyActsItself(act)
            : application;
    }

    /// <summary>
    /// Whether the caller may upload a file in the company's name: the company itself, a clerk of its region, or
    /// department staff for a company with an application or a permit of their department (an assessment's or a
    /// verification's attachments).
    /// </summary>
    public static async Task<bool> MayUploadForAsync(ZhengzhaoDbContext db, string uscc, FindApplications.Reader by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(by);
        if (by.Uscc is { } own)
        {
            return own == uscc;
        }

        if (by.WindowRegion is { } window)
        {
            var region = await db.RegisteredEnterprises().Where(e => e.Uscc == uscc).Select(e => e.RegionCode).FirstOrDefaultAsync(cancellationToken);
            if (region is not null && WindowCovers(window, region))
            {
                return true;
            }
        }

        return by.DepartmentCode is { Length: > 0 } department
            && (await db.Applications.AnyAsync(a => a.Uscc == uscc && a.DepartmentCode == department, cancellationToken)
                || await db.Permits.AnyAsync(p => p.Uscc == uscc && p.DepartmentCode == department, cancellationToken));
    }

    /// <summary>How an audit entry names an act done at the window for the company: for whom, and who came.</summary>
    public static string OnBehalf(string uscc, Agent? agent) =>
        agent is null ? string.Empty : $"（窗口代 {uscc} 办理，代办人 {agent.Name}，{AgentRules.Name(agent.DocumentKind)} {agent.DocumentNumberMasked}{(agent.IsLegalRepresentative ? "，法定代表人本人" : "，凭授权委托书")}）";
}
