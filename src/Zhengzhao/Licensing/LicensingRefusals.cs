using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>
/// The refusals of the licensing module, each built in one place, so that a type and its words never drift apart
/// between the use cases, the pages and the API that tell them.
/// </summary>
public static class LicensingRefusals
{
    // Filing

    /// <summary>The type of every refusal of what a filing brings: a field's value, a material, the item, the permit to renew.</summary>
    public const string InvalidApplicationType = "licensing/invalid-application";

    public static readonly Refusal ApplicationNotFound = new("licensing/application-not-found", "申请不存在", "没有这件申请，或您无权查看。", RefusalKind.NotFound);

    public static readonly Refusal CompanyOutOfScope = new(
        "licensing/company-out-of-scope",
        "无权为该企业办理",
        "您不能以这家企业的名义办理：窗口只为本区域登记的企业代办，部门只为本部门办理事项的企业上传材料。",
        RefusalKind.Forbidden);

    public static readonly Refusal SubmittedMeanwhile = new("licensing/changed", "申请已被他人处理", "这件申请刚刚已提交（可能是重复点击），请刷新后查看。", RefusalKind.Conflict);

    public static readonly Refusal ChangedMeanwhile = new("licensing/changed", "申请已被他人处理", "这件申请刚刚已变化，请刷新后查看。", RefusalKind.Conflict);

    public static readonly Refusal LongTerm = new("licensing/long-term", "长期有效", "该证长期有效，无需延续。", RefusalKind.Conflict);

    public static Refusal InvalidApplication(string field, string detail) =>
        new(InvalidApplicationType, "申请内容有误", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };

    public static Refusal InvalidUscc(string reason) =>
        new("licensing/invalid-uscc", "统一社会信用代码有误", reason) { Errors = new Dictionary<string, string[]> { ["uscc"] = [reason] } };

    /// <summary>
    /// The register is public (公示 finds any company by its code), so a window clerk may be told why a company is out
    /// of its scope: a code to check with the applicant, or a company to send to its own district's window.
    /// </summary>
    public static Refusal CompanyOutsideWindow(string detail) =>
        CompanyOutOfScope with { Detail = detail, Errors = new Dictionary<string, string[]> { ["uscc"] = [detail] } };

    public static Refusal CompanyActsItself(string act) =>
        new("licensing/company-acts-itself", "须由企业本身办理", $"这件申请是企业自己在网上办理的，{act}须由企业本身完成；窗口可以登记代办人，为企业另行申请。", RefusalKind.Forbidden);

    public static Refusal CompanyNotActive(string uscc) =>
        new("licensing/company-not-active", "企业不可申请", $"统一社会信用代码为 {uscc} 的企业不在册或已注销、吊销。", RefusalKind.Conflict);

    public static Refusal CommitmentBarred(string reason) =>
        new("licensing/commitment-barred", "不能选择告知承诺方式", reason, RefusalKind.Forbidden);

    public static Refusal AlreadySubmitted(string? number, ApplicationState state) =>
        new("licensing/wrong-state", "已提交", $"这件申请已提交（编号 {number}），当前为“{ApplicationStates.Name(state)}”。", RefusalKind.Conflict);

    public static Refusal PermitNotRenewable(string number, PermitState state) =>
        new("licensing/permit-wrong-state", "证照不能延续", $"证照 {number} 当前为“{PermitStates.Name(state)}”，不能申请延续。", RefusalKind.Conflict);

    public static Refusal RenewalInHand(string number) =>
        new("licensing/renewal-in-hand", "已有延续申请", $"证照 {number} 已有一件延续申请在办理中。", RefusalKind.Conflict);

    public static Refusal RenewalTooEarly(DateOnly opensOn, int windowDays) =>
        new("licensing/renewal-too-early", "尚未到延续申请期", $"延续申请自 {opensOn:yyyy-MM-dd}（有效期届满前 {windowDays} 日）起受理。", RefusalKind.Conflict);

    public static Refusal RenewalTooLate(DateOnly lastDay) =>
        new("licensing/renewal-too-late", "有效期已届满", $"该证有效期已于 {lastDay:yyyy-MM-dd} 届满，不能延续，请重新申请。", RefusalKind.Conflict);

    public static Refusal RenewalDeemed(DateOnly lastDay) =>
        new("licensing/renewal-deemed", "已视为准予延续", $"有效期届满（{lastDay:yyyy-MM-dd}）前未作出决定，依法视为准予延续。", RefusalKind.Conflict);

    public static Refusal RenewalNotYetDeemed(DateOnly lastDay) =>
        new("licensing/renewal-not-yet-deemed", "尚在决定期内", $"有效期届满（{lastDay:yyyy-MM-dd}）前应作出是否准予延续的决定；届满仍未决定的，方视为准予延续。", RefusalKind.Conflict);

    // Review

    /// <summary>The type of every refusal of a text over its limit on the review desk.</summary>
    public const string TextTooLong = "licensing/text-too-long";

    public static Refusal ChangedTo(ApplicationState current) =>
        new("licensing/changed", "申请已被他人处理", $"这件申请刚刚已被处理，当前为“{ApplicationStates.Name(current)}”，请刷新后再办理。", RefusalKind.Conflict);

    /// <summary>A matter is handed over only to an officer who can handle it: an approver or window clerk of its department.</summary>
    public static Refusal NotReviewer { get; } = new("licensing/not-reviewer", "无权办理", "只有本部门的审批人员和窗口人员可以办理申请；部门管理员和执法检查人员不能办理。", RefusalKind.Forbidden);

    public static Refusal NotOwner { get; } = new("licensing/not-owner", "不能移交", "只有首办责任人（或部门负责人）可以把事项移交给另一名人员。", RefusalKind.Forbidden);

    /// <summary>A hand-over names the officer who takes the matter on, and it is someone other than its owner.</summary>
    public static Refusal NoOtherReceiver { get; } = new("licensing/invalid-receiver", "接办人有误", "请填写接办人的账户名，且不能是现在的首办责任人。") { Errors = new Dictionary<string, string[]> { ["to"] = ["请填写另一名人员的账户名。"] } };

    public static readonly Refusal ReceiverNotOfficer = new("licensing/invalid-receiver", "接办人有误", "接办人须是本事项所属部门在用的审批人员或窗口人员账户，请核对账户名。")
    {
        Errors = new Dictionary<string, string[]> { ["to"] = ["接办人须是本事项所属部门在用的审批人员或窗口人员账户，请核对账户名。"] },
    };

    public static Refusal NotDepartmentHead(string what) =>
        new("licensing/not-department-head", "须由部门负责人办理", $"{what}须由本部门负责人办理；部门负责人由部门管理员在账户中指定。", RefusalKind.Forbidden);

    public static Refusal TooManySupplementItems(int max) =>
        new(TextTooLong, "内容过长", $"补正告知不超过 {max} 项。") { Errors = new Dictionary<string, string[]> { ["items"] = [$"补正告知不超过 {max} 项。"] } };
}
