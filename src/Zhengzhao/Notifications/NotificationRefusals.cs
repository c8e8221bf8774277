using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

/// <summary>Every refusal of the notifications module, built here once.</summary>
internal static class NotificationRefusals
{
    public static Refusal MessageNotFound { get; } = new("notifications/message-not-found", "消息不存在", "没有这条消息。", RefusalKind.NotFound);
}
