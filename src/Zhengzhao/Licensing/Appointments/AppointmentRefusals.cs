using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>The refusals the appointment use cases share, so the page and the API tell them the same way.</summary>
internal static class AppointmentRefusals
{
    public static Refusal Invalid(string field, string detail) =>
        new("appointments/invalid-input", "预约信息无效", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };

    public static Refusal HallNotFound() =>
        new("appointments/hall-not-found", "服务大厅不存在", "没有这个服务大厅（或不属于本部门）。", RefusalKind.NotFound);

    public static Refusal SlotNotFound() =>
        new("appointments/slot-not-found", "预约时段不存在", "没有这个预约时段，或它已被撤回。请刷新后重新选择。", RefusalKind.NotFound);

    public static Refusal BookingNotFound() =>
        new("appointments/booking-not-found", "预约不存在", "没有这条预约。", RefusalKind.NotFound);

    public static Refusal Full(Slot slot) =>
        new("appointments/slot-full", "该时段已约满", $"{slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm}-{slot.End:HH\\:mm} 的时段已约满，请选择其他时段。", RefusalKind.Conflict);

    public static Refusal NotActive(Booking booking) =>
        new("appointments/booking-closed", "预约已结束", $"预约 {booking.Number} 当前为“{BookingRules.Name(booking.State)}”，不能再变更。", RefusalKind.Conflict);

    public static Refusal Changed() =>
        new("appointments/booking-changed", "预约状态已变化", "这条预约刚刚已被处理（可能是重复提交），请刷新后查看。", RefusalKind.Conflict);

    public static Refusal AlreadyBooked() =>
        new("appointments/already-booked", "已预约该时段", "本企业已预约了这个时段，无须重复预约；可在“我的预约”中查看。", RefusalKind.Conflict);

    public static Refusal KeyReused() =>
        new("appointments/idempotency-key-reused", "重复使用的幂等键", "该 Idempotency-Key 已用于另一个时段的预约，请为新的预约使用新的键。", RefusalKind.Conflict);

    public static Refusal Started() =>
        new("appointments/slot-started", "该时段已开始或已过去", "预约的时段已开始或已过去，不能再取消。");

    public static Refusal NotToday() =>
        new("appointments/not-today", "不是当天的预约", "只能在预约当天登记到场或未到场。");

    public static Refusal NoDepartment() =>
        new("appointments/no-department", "账户未属于部门", "当前账户没有所属部门，不能设立服务大厅。", RefusalKind.Forbidden);

    public static Refusal HallExists(string name) =>
        new("appointments/hall-exists", "大厅已存在", $"本部门已有名为“{name}”的服务大厅。", RefusalKind.Conflict);

    public static Refusal SlotHasBookings(Slot slot) =>
        new("appointments/slot-has-bookings", "该时段已有预约", $"{slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm} 的时段已有企业预约，不能撤回；请按预约接待。", RefusalKind.Conflict);

    public static Refusal NoWorkingDays(DateOnly from, DateOnly to) =>
        new("appointments/no-working-days", "所选日期不是工作日", $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 在本大厅所在地区没有工作日（节假日和周末不发布号源）。");

    /// <summary>Booking a slot that has begun; <see cref="Started"/> is the same refusal for cancelling one.</summary>
    public static Refusal TooLateToBook(Slot slot) =>
        new("appointments/slot-started", "该时段已开始或已过去", $"{slot.Date:yyyy-MM-dd} {slot.Start:HH\\:mm} 的时段已开始或已过去，不能再预约，请选择以后的时段。");

    public static Refusal TooManyBookings(int max) =>
        new("appointments/too-many-bookings", "有效预约过多", $"每家企业最多同时持有 {max} 个未到期的预约。请先办理或取消已有预约后再预约。", RefusalKind.Conflict);

    public static Refusal PublishConflict() =>
        new("appointments/publish-conflict", "号源正在被同时发布", "同一时间有人在为本大厅发布号源，请刷新后查看，必要时重新发布。", RefusalKind.Conflict);

    public static Refusal NoEnterprise() =>
        new("appointments/no-enterprise", "账户未绑定企业", "当前账户没有绑定企业（统一社会信用代码），不能预约。", RefusalKind.Forbidden);
}
