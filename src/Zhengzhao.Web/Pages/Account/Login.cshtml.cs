using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Account;

public sealed class LoginModel(SignIn signIn) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the reader arrives from 退出所有设备, and is told that it took effect everywhere.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Ended { get; set; }

    public string? Error { get; private set; }

    /// <summary>Failed attempts on the account since its last sign-in, shown to the owner before going on.</summary>
    public string? FailedNotice { get; private set; }

    public string NextUrl { get; private set; } = "/Workbench";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        var result = await signIn.HandleAsync(new(UserName, Password, BearerToken: false, HttpContext.ClientAddress()), cancellationToken);
        if (!result.IsSuccess)
        {
            Error = result.Refusal!.Detail;
            if (result.Refusal.RetryAfter is not null)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }

            return Page();
        }

        NextUrl = result.Value!.MustChangePassword ? "/Account/ChangePassword?first=True" : Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Workbench";
        if (result.Value.FailedSince is { Count: > 0 } failed)
        {
            FailedNotice = $"自您上次登录以来，此账户有 {failed.Count} 次失败的登录尝试，最近一次在 {ChinaTime.ToChina(failed.LastAt!.Value):yyyy-MM-dd HH:mm}（北京时间）。如果不是您本人所为，请修改密码，并可“退出所有设备”。";
            return Page();
        }

        return LocalRedirect(NextUrl);
    }
}
