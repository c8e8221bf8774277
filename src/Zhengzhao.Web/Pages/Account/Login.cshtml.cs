using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Pages.Account;

public sealed class LoginModel(SignIn signIn) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        var result = await signIn.HandleAsync(new(UserName, Password, BearerToken: false), cancellationToken);
        if (!result.IsSuccess)
        {
            Error = result.Refusal!.Detail;
            return Page();
        }

        if (result.Value!.MustChangePassword)
        {
            return RedirectToPage("/Account/ChangePassword", new { first = true });
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/Workbench");
    }
}
