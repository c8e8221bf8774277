using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Pages.Account;

public sealed class ChangePasswordModel(ChangePassword changePassword, EndSessions endSessions, SignInManager<User> signInManager) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    [BindProperty]
    public string CurrentPassword { get; set; } = string.Empty;

    [BindProperty]
    public string NewPassword { get; set; } = string.Empty;

    [BindProperty]
    public string ConfirmPassword { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = signInManager.UserManager.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        var result = await changePassword.HandleAsync(new(userId, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty, ConfirmPassword ?? string.Empty), cancellationToken);
        if (!result.IsSuccess)
        {
            Error = result.Refusal!.Detail;
            return Page();
        }

        // A new cookie with the new security stamp and without the one-time-password claim: this session goes on,
        // every other ends.
        await signInManager.RefreshSignInAsync(result.Value!);
        First = false;
        Done = true;
        return Page();
    }

    /// <summary>退出所有设备: every session and token of the account ends, this one included.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken)
    {
        if (signInManager.UserManager.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        await endSessions.HandleAsync(userId, cancellationToken);
        await signInManager.SignOutAsync();
        return Redirect("/Account/Login?ended=True");
    }
}
