using Zhengzhao.Common;

namespace Zhengzhao.Audit;

/// <summary>The refusals of the audit use cases, each worded once.</summary>
internal static class AuditRefusals
{
    public static Refusal CheckpointKeyMissing() =>
        new("audit/checkpoint-key-missing", "无法签发检查点", "本实例未配置检查点签名私钥（Audit:CheckpointSigningKey），请在持有私钥的实例上签发。", RefusalKind.Conflict);

    public static Refusal ChainBroken(string? reason) =>
        new("audit/chain-broken", "审计链校验未通过", $"审计链校验未通过，不签发检查点：{reason}", RefusalKind.Conflict);
}
