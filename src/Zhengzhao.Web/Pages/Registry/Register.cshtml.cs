using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Registry;

public sealed class RegisterModel(ReceiveRegistration receive, FindEnterprises find, ListReferenceData referenceData) : PageModel
{
    public sealed class RegistrationForm
    {
        /// <summary>Made when the form is shown, so a double submit is one event and records once.</summary>
        public string EventId { get; set; } = "page-" + Guid.CreateVersion7().ToString("N");
        public string? Uscc { get; set; }
        public string? Name { get; set; }
        public EnterpriseType Type { get; set; } = EnterpriseType.DomesticCompany;
        public string? LegalRepresentative { get; set; }
        public string? LegalRepresentativeId { get; set; }
        public decimal? RegisteredCapital { get; set; }
        public string? Address { get; set; }
        public string? RegionCode { get; set; } = "540172";
        public string? RegisteringAuthority { get; set; } = "拉萨市市场监督管理局";
        public DateOnly? EstablishedOn { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? BusinessScope { get; set; }
    }

    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    [BindProperty]
    public bool IsChange { get; set; }

    public IReadOnlyList<Region> Regions { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            var file = await find.GetAsync(code, reveal: true, cancellationToken);
            if (file is null)
            {
                return NotFound();
            }

            var e = file.Enterprise;
            IsChange = true;
            Input = new RegistrationForm
            {
                Uscc = e.Uscc,
                Name = e.Name,
                Type = e.Type,
                LegalRepresentative = e.LegalRepresentative,
                LegalRepresentativeId = file.IdentityNumber,
                RegisteredCapital = e.RegisteredCapital,
                Address = e.Address,
                RegionCode = e.RegionCode,
                RegisteringAuthority = e.RegisteringAuthority,
                EstablishedOn = e.EstablishedOn,
                ApprovedOn = e.ApprovedOn,
                BusinessScope = e.BusinessScope,
            };
        }

        Regions = await referenceData.RegionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var i = Input;
        var result = await receive.HandleAsync(
            new(i.EventId, IsChange ? RecordRegistration.EventKind.Change : RecordRegistration.EventKind.Registration, i.Uscc, i.Name, i.Type, i.LegalRepresentative, i.LegalRepresentativeId, i.Address, i.RegionCode, i.RegisteringAuthority, i.EstablishedOn, i.ApprovedOn, i.RegisteredCapital, i.BusinessScope, User.ToActor()),
            cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/Registry/Enterprise/{result.Value.Registration.Uscc}");
        }

        Error = result.Refusal.Detail;
        Regions = await referenceData.RegionsAsync(cancellationToken);
        return Page();
    }
}
