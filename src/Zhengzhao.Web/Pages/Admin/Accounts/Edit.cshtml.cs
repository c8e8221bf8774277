using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Admin.Accounts;

public sealed class EditModel(EditAccount editAccount, ListAccounts listAccounts, ListReferenceData referenceData) : PageModel
{
    public sealed class AccountInput
    {
        public string DisplayName { get; set; } = string.Empty;

        public string Role { get; set; } = string.Empty;

        public string? DepartmentCode { get; set; }

        public string? RegionCode { get; set; }

        public bool Disabled { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public ListAccounts.Account? Account { get; private set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string? Error { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Account is null)
        {
            return NotFound();
        }

        Input = InputOf(Account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await editAccount.HandleAsync(
            new(UserName ?? string.Empty, Input.DisplayName ?? string.Empty, Input.Role ?? string.Empty, Input.DepartmentCode, Input.RegionCode, Input.Disabled, User.ToActor()),
            cancellationToken);
        Error = result.Refusal is { } refused ? ModelState.ShowAtFields(refused, nameof(Input), "displayName") : null;
        Saved = result.IsSuccess;
        await LoadAsync(cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    /// <summary>部门负责人, designated or cleared apart from the account's other fields: it does not end the account's sessions by itself alone.</summary>
    public async Task<IActionResult> OnPostHeadAsync(bool isHead, [FromServices] SetDepartmentHead setHead, CancellationToken cancellationToken)
    {
        var result = await setHead.HandleAsync(new(UserName ?? string.Empty, isHead, User.ToActor()), cancellationToken);
        Error = result.Refusal?.Detail;
        Saved = result.IsSuccess;
        await LoadAsync(cancellationToken);
        if (Account is null)
        {
            return NotFound();
        }

        Input = InputOf(Account);
        return Page();
    }

    private static AccountInput InputOf(ListAccounts.Account account) => new()
    {
        DisplayName = account.DisplayName,
        Role = account.Roles is [var role, ..] ? role : string.Empty,
        DepartmentCode = account.DepartmentCode,
        RegionCode = account.RegionCode,
        Disabled = account.Disabled,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Account = await listAccounts.HandleAsync(new(UserName: UserName), cancellationToken) is [var account] ? account : null;
        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
        Regions = await referenceData.RegionsAsync(cancellationToken);
    }
}
