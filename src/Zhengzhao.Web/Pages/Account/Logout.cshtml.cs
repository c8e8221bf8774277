using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Pages.Account;

/// <summary>Signing out ends the account's sessions and tokens on every device, not only this browser's cookie.</summary>
public sealed class LogoutModel(SignInManager<User> signInManager, EndSessions endSessions) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (signInManager.UserManager.GetUserId(User) is { } userId)
        {
            await endSessions.HandleAsync(userId, cancellationToken);
        }

        await signInManager.SignOutAsync();
        return Redirect("/");
    }
}
