using Zhengzhao.Common;

namespace Zhengzhao.Identity;

/// <summary>
/// The refusals of the account use cases, each worded once; an account field's mistake is
/// <see cref="AccountFields.Invalid"/> and too many sign-in attempts <see cref="SignInAttempts.TooMany"/>.
/// </summary>
internal static class IdentityRefusals
{
    public static Refusal UserNotFound() =>
        new("identity/user-not-found", "账户不存在", "账户不存在或已被删除。", RefusalKind.NotFound);

    public static Refusal DuplicateUser(string userName) =>
        new("identity/duplicate-user", "用户名已存在", $"用户名“{userName}”已被使用，请换一个。", RefusalKind.Conflict);

    /// <summary>A user name or password no account could have; a wrong one is told apart by the sign-in limits.</summary>
    public static Refusal InvalidCredentials(string detail) =>
        new("identity/invalid-credentials", "参数无效", detail);

    public static Refusal AccountDisabled() =>
        new("identity/account-disabled", "账户已停用", "该账户已被停用，请联系管理员。", RefusalKind.Forbidden);

    public static Refusal PasswordChangeRequired() =>
        new("identity/password-change-required", "须先修改一次性密码", "该账户仍在使用一次性密码，请先在网页登录并修改密码，再申请访问令牌。", RefusalKind.Forbidden);
}
