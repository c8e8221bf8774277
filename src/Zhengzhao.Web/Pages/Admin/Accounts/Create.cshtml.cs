using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Admin.Accounts;

public sealed class CreateModel(CreateAccount createAccount, ListReferenceData referenceData) : PageModel
{
    public sealed class AccountInput
    {
        public string UserName { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public string Role { get; set; } = Roles.WindowClerk;

        public string? DepartmentCode { get; set; }

        public string? RegionCode { get; set; }

        public string? EnterpriseUscc { get; set; }
    }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public CreateAccount.Created? Created { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await createAccount.HandleAsync(
            new(Input.UserName ?? string.Empty, Input.DisplayName ?? string.Empty, Input.Role, Input.DepartmentCode, Input.RegionCode, Input.EnterpriseUscc, User.ToActor()),
            cancellationToken);
        Created = result.Value;
        Error = result.Refusal is { } refused ? ModelState.ShowAtFields(refused, nameof(Input), "displayName") : null;
        if (result.IsSuccess)
        {
            Input = new AccountInput();
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
        Regions = await referenceData.RegionsAsync(cancellationToken);
    }
}
