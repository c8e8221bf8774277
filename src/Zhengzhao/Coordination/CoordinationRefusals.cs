using Zhengzhao.Common;

namespace Zhengzhao.Coordination;

/// <summary>
/// Every refusal of the coordination module (双告知, its letters and copies, the webhooks), built here once, so a
/// problem type keeps one title and one kind wherever it is returned.
/// </summary>
internal static class CoordinationRefusals
{
    /// <summary>A department asking for a push that is not in its own inbox: it learns no more than that.</summary>
    public static Refusal PushNotInInbox { get; } = new("coordination/push-not-found", "推送不存在", "本部门收件箱中没有这条推送。", RefusalKind.NotFound);

    public static Refusal PushNotFound { get; } = new("coordination/push-not-found", "推送不存在", "没有这条推送。", RefusalKind.NotFound);

    public static Refusal CopyNotFound { get; } = new("coordination/copy-not-found", "抄告不存在", "本部门没有这条抄告。", RefusalKind.NotFound);

    public static Refusal LetterNotFound { get; } = new("coordination/letter-not-found", "告知书不存在", "没有这份告知书，或它不属于您的企业。", RefusalKind.NotFound);

    /// <summary>A save lost to a concurrent answer (or a doubled click): the row changed under the officer.</summary>
    public static Refusal ChangedMeanwhile { get; } = new("coordination/wrong-state", "状态已变化", "这条记录刚刚已被处理（可能是重复提交），请刷新后查看。", RefusalKind.Conflict);

    public static Refusal InvalidReason { get; } = new("coordination/invalid-reason", "回退原因无效", "回退原因应为：经营范围内无此审批事项、不属于本部门职责或住所不在本部门辖区。");

    public static Refusal InvalidOutcome { get; } = new("coordination/invalid-outcome", "反馈结果无效", "反馈结果应为：申请办理中、已发证、不予许可、无需办理或无法联系。");

    public static Refusal NotNeededWithoutReason { get; } = new("coordination/reason-required", "请说明原因", "反馈“无需办理”须写明原因。");

    public static Refusal CloseWithoutReason { get; } = new("coordination/reason-required", "请说明原因", "办结回退的推送须写明原因。");

    public static Refusal SameDepartment { get; } = new("coordination/same-department", "改派部门相同", "不能改派给回退该推送的同一部门，请选择其他部门。");

    public static Refusal InvalidStatisticsRange { get; } = new("coordination/invalid-range", "统计区间无效", "起始日期不能晚于截止日期，区间不超过5年；分组应为部门或地区。") { Errors = new Dictionary<string, string[]> { ["from"] = ["请检查统计区间。"] } };

    public static Refusal WebhookNotSet { get; } = new("coordination/webhook-not-set", "尚未设置接收地址", "本部门尚未设置接收地址，请先填写接收地址。", RefusalKind.NotFound);

    public static Refusal AccountWithoutDepartment { get; } = new("coordination/unknown-department", "部门不存在", "当前账户没有所属部门，不能设置接收地址。", RefusalKind.Forbidden);

    public static Refusal WebhookMessageNotFound { get; } = new("coordination/webhook-message-not-found", "消息不存在", "没有这条推送消息，或不属于本部门。", RefusalKind.NotFound);

    public static Refusal WrongState(Push push, string action) =>
        new("coordination/wrong-state", "状态已变化", $"该推送当前为“{PushRules.Describe(push)}”，不能{action}（可能已被他人处理）。", RefusalKind.Conflict);

    public static Refusal AlreadyPushed(string department) =>
        new("coordination/already-pushed", "已推送过该部门", $"该企业的这一事项已推送过 {department}，不能重复推送。", RefusalKind.Conflict);

    public static Refusal UnknownDepartment(string detail) => Field("coordination/unknown-department", "部门不存在", "department", detail);

    public static Refusal PermitNumberRequired(string problem) => Field("coordination/permit-number-required", "请填写许可证号", "permitNumber", problem);

    public static Refusal RemarkTooLong(string problem) => Field("coordination/remark-too-long", "说明有误", "remark", problem);

    public static Refusal AlreadySigned(DateTimeOffset signedAt) =>
        new("coordination/already-signed", "告知书已签署", $"该告知书已于 {signedAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm}（北京时间）签署，无需重复签署。", RefusalKind.Conflict);

    public static Refusal AlreadyAcknowledged(DateOnly on, string? by) =>
        new("coordination/already-acknowledged", "已接收", $"该抄告已于 {on:yyyy-MM-dd} 由 {by} 接收。", RefusalKind.Conflict);

    public static Refusal WebhookNotDead(bool delivered) =>
        new("coordination/webhook-not-dead", "无需重新发送", delivered ? "该消息已送达。" : "该消息仍在自动重试中，无需重新发送。", RefusalKind.Conflict);

    public static Refusal WebhookInvalidUrl(string reason) => Field("coordination/webhook-invalid-url", "接收地址无效", "url", reason);

    public static Refusal WebhookInternalAddress(string reason) => Field("coordination/webhook-internal-address", "接收地址不可用", "url", reason);

    public static Refusal InvalidScopeQuery(string field, string detail) => Field("scope/invalid-query", "参数无效", field, detail);

    private static Refusal Field(string type, string title, string field, string detail) =>
        new(type, title, detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };
}
