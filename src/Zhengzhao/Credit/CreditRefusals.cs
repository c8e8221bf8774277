using Zhengzhao.Common;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// Every refusal the credit module gives, each built here once, so that a <c>type</c> keeps one title and one kind
/// whichever use case meets it, and the page and the API word it the same way.
/// </summary>
internal static class CreditRefusals
{
    /// <summary>The reason only: what was typed may be something else entirely, such as a person's identity number.</summary>
    public static Refusal InvalidCode(string reason) =>
        new("credit/invalid-code", "统一社会信用代码有误", reason) { Errors = new Dictionary<string, string[]> { ["code"] = [reason] } };

    public static Refusal EnterpriseNotFound(string uscc) =>
        new("credit/enterprise-not-found", "主体不存在", $"统一社会信用代码 {uscc} 不在登记库中。", RefusalKind.NotFound);

    public static Refusal NoDepartment(string doing) =>
        new("credit/no-department", $"不能{doing}", $"您的账户未归属在用的部门，不能以部门名义{doing}，请联系系统管理员。", RefusalKind.Forbidden);

    public static Refusal BeforeFounding(CreditSubject company, DateOnly on, string field, string label)
    {
        var detail = $"{label}（{on:yyyy-MM-dd}）早于{company.Name}的成立日期（{company.EstablishedOn:yyyy-MM-dd}），请核对。";
        return new("credit/before-founding", "日期有误", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };
    }

    public static Refusal NoAnnualReportOwed(CreditSubject company, DateOnly listedOn)
    {
        var first = company.EstablishedOn.Year;
        var detail = $"{company.Name}成立于 {company.EstablishedOn:yyyy-MM-dd}，首份年度报告（{first} 年度）应于 {AnnualReportRules.Deadline(first):yyyy-MM-dd} 前报送；{listedOn:yyyy-MM-dd} 时尚无逾期未报的年度报告，不能以此原因列入。";
        return new("credit/cause-cannot-apply", "列入原因不成立", detail) { Errors = new Dictionary<string, string[]> { ["cause"] = [detail] } };
    }

    public static Refusal NotActive(CreditSubject company) =>
        new("credit/not-active", "主体已注销或吊销", $"{company.Name}（{company.Uscc}）已{EnterpriseStatuses.Name(company.Status)}，不能列入经营异常名录。", RefusalKind.Conflict);

    /// <summary>One decision number per department: the same number sent again for another decision.</summary>
    public static Refusal NumberTaken(string number) =>
        new("credit/duplicate-decision", "文号已使用", $"本机关决定书文号“{number}”已用于另一项决定，请核对文号。", RefusalKind.Conflict);

    public static Refusal AlreadyAbnormal(string companyName, AbnormalCause cause) =>
        new("credit/already-listed", "已在名录中", $"{companyName}已因“{AbnormalListRules.Name(cause)}”列入经营异常名录，尚未移出。", RefusalKind.Conflict);

    public static Refusal AlreadySerious(string companyName) =>
        new("credit/already-listed", "已在名单中", $"{companyName}已列入严重违法失信名单，尚未移出。", RefusalKind.Conflict);

    public static Refusal ListingNotFound() =>
        new("credit/listing-not-found", "列入决定不存在", "没有找到该经营异常名录列入决定。", RefusalKind.NotFound);

    /// <param name="then">Who acts on the listing instead, as the rest of the sentence.</param>
    public static Refusal NotYourListing(string authority, string then) =>
        new("credit/not-your-listing", "不是本机关的决定", $"该列入决定由{authority}作出，{then}。", RefusalKind.Forbidden);

    public static Refusal NotDueForSerious(string detail) =>
        new("credit/not-due", "不符合列入条件", detail, RefusalKind.Conflict);

    public static Refusal ObjectionLodged(DateOnly? lodgedOn) =>
        new("credit/objection-exists", "已提出异议", $"该列入决定已于 {lodgedOn:yyyy-MM-dd} 提出异议，同一决定只能提出一次异议。", RefusalKind.Conflict);

    public static Refusal ObjectionLate(DateOnly publishedOn, DateOnly deadline) =>
        new("credit/objection-late", "已超过异议期限", $"异议应自公示之日（{publishedOn:yyyy-MM-dd}）起 30 日内提出，即不晚于 {deadline:yyyy-MM-dd}。", RefusalKind.Conflict);

    public static Refusal NoObjectionToAccept(ObjectionStage stage) =>
        new("credit/objection-not-lodged", "没有待受理的异议", $"该列入决定的异议状态为“{AbnormalListRules.Name(stage)}”，不能决定是否受理。", RefusalKind.Conflict);

    public static Refusal NoObjectionToVerify(ObjectionStage stage) =>
        new("credit/objection-not-accepted", "没有待核实的异议", $"该列入决定的异议状态为“{AbnormalListRules.Name(stage)}”，受理后才能核实。", RefusalKind.Conflict);

    public static Refusal AbnormalListingEnded(DateOnly removedOn, ListingEnd reason) =>
        new("credit/listing-ended", "已移出经营异常名录", $"该企业已于 {removedOn:yyyy-MM-dd} 因“{AbnormalListRules.Name(reason)}”移出经营异常名录。", RefusalKind.Conflict);

    public static Refusal InvalidObjectionStep() =>
        new("credit/invalid-objection", "异议信息有误", "没有这一处理步骤。");

    public static Refusal ObjectionHandledMeanwhile(ObjectionStage now) =>
        new("credit/listing-changed", "异议已被处理", $"该异议已由他人处理，当前状态为“{AbnormalListRules.Name(now)}”，请刷新后查看。", RefusalKind.Conflict);

    public static Refusal RemovedMeanwhile() =>
        new("credit/listing-changed", "已移出", "该企业已由他人办理移出，请刷新后查看。", RefusalKind.Conflict);

    public static Refusal RemovedBeforeListed(DateOnly listedOn) =>
        new("credit/invalid-removal", "移出日期有误", $"移出日期不能早于列入日期 {listedOn:yyyy-MM-dd}。");

    public static Refusal SeriousListingEnded(DateOnly endedOn) =>
        new("credit/listing-ended", "已移出严重违法失信名单", $"该企业已于 {endedOn:yyyy-MM-dd} 移出严重违法失信名单。", RefusalKind.Conflict);

    public static Refusal PublicityEnded(DateOnly publicUntil) =>
        new("credit/publicity-ended", "已停止公示", $"该行政处罚信息已于 {publicUntil:yyyy-MM-dd} 停止公示。", RefusalKind.Conflict);

    public static Refusal AlreadyRepaired(DateOnly repairedOn) =>
        new("credit/already-repaired", "已修复", $"该虚假承诺记录已于 {repairedOn:yyyy-MM-dd} 完成信用修复。", RefusalKind.Conflict);

    public static Refusal InspectionRecorded() =>
        new("credit/inspection-recorded", "检查结果已公示", "该检查任务已公示了不同的检查结果；更正检查结果请联系作出检查的机关。", RefusalKind.Conflict);

    public static Refusal AnnualReportFiled(int year, DateOnly filedOn) =>
        new("credit/annual-report-filed", "该年度已报送", $"该企业 {year} 年度报告已于 {filedOn:yyyy-MM-dd} 报送。", RefusalKind.Conflict);

    public static Refusal InvalidPeriod(DateOnly from, DateOnly to) =>
        new("credit/invalid-period", "期间有误", $"开始日期 {from:yyyy-MM-dd} 晚于结束日期 {to:yyyy-MM-dd}。") { Errors = new Dictionary<string, string[]> { ["from"] = ["开始日期不能晚于结束日期。"] } };

    public static Refusal RepairTargetNotFound(RepairTarget target) =>
        new("credit/repair-target-not-found", "没有该信用记录", $"本企业没有仍产生影响的这项{RepairRules.Name(target)}。", RefusalKind.NotFound);

    public static Refusal RepairTooEarly(RepairTarget target, DateOnly from) =>
        new("credit/repair-too-early", "尚不能申请信用修复", $"{RepairRules.Name(target)}自 {from:yyyy-MM-dd} 起方可申请信用修复。", RefusalKind.Conflict);

    /// <param name="appliedOn">When the application still open for the entry was made; null when it was decided meanwhile.</param>
    public static Refusal RepairOpen(DateOnly? appliedOn) =>
        new("credit/repair-open", "已有待审核的申请", appliedOn is { } on ? $"该事项已于 {on:yyyy-MM-dd} 申请信用修复，正在审核，请勿重复申请。" : "该事项的另一项修复申请刚刚办结，请刷新后查看。", RefusalKind.Conflict);

    public static Refusal RepairNotFound() =>
        new("credit/repair-not-found", "申请不存在", "本机关没有这项信用修复申请。", RefusalKind.NotFound);

    public static Refusal RepairDecided(DateOnly? decidedOn, RepairState state) =>
        new("credit/repair-decided", "已作出决定", $"该信用修复申请已于 {decidedOn:yyyy-MM-dd} {RepairRules.Name(state)}。", RefusalKind.Conflict);

    public static Refusal RepairDecidedMeanwhile() =>
        new("credit/repair-decided", "已作出决定", "该申请或其修复的记录刚由他人处理，请刷新后查看。", RefusalKind.Conflict);
}
