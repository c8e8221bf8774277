using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Zhengzhao.Identity;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Who may open which pages. Everything requires a signed-in user (the fallback policy) unless opened here to
/// the public; administrative folders require their role.
/// </summary>
public static class PageAccess
{
    public static void Configure(PageConventionCollection pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.AllowAnonymousToPage("/Index");
        pages.AllowAnonymousToPage("/Error");
        pages.AllowAnonymousToPage("/StatusCode");
        pages.AllowAnonymousToFolder("/Services");
        pages.AllowAnonymousToFolder("/Catalog");
        pages.AllowAnonymousToFolder("/Verify");
        pages.AllowAnonymousToFolder("/Publicity");
        pages.AllowAnonymousToPage("/Account/Login");
        pages.AllowAnonymousToPage("/Account/AccessDenied");
        pages.AuthorizeFolder("/Admin", Roles.Administrator);
        pages.AuthorizeFolder("/ReformOffice", Roles.ReformOffice);
        pages.AuthorizeFolder("/Registry", Roles.Regulator);
        pages.AuthorizeFolder("/Audit", IdentitySetup.AuditReadersPolicy);
        pages.AuthorizeFolder("/Workbench");
    }

}
