using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.ReformOffice.Items;

public sealed class EditModel(ListItemsForOffice items, SaveItemDraft saveDraft, ListReferenceData referenceData) : PageModel
{
    /// <summary>The form's fields: the item's content with its lists as one entry per line.</summary>
    public sealed class ItemForm
    {
        public string Code { get; set; } = string.Empty;
        public CatalogKind Kind { get; set; } = CatalogKind.Official;
        public string Name { get; set; } = string.Empty;
        public string DepartmentCode { get; set; } = string.Empty;

        public string? IndustryAuthorityCode { get; set; }
        public ApprovalLevel Level { get; set; } = ApprovalLevel.Province;
        public string LegalBasis { get; set; } = string.Empty;
        public ReformMode Mode { get; set; } = ReformMode.Transparent;
        public string? ReformMeasures { get; set; }
        public string? SupervisionMeasures { get; set; }
        public string? Conditions { get; set; }
        public string? Materials { get; set; }
        public string? Steps { get; set; }
        public int StatutoryLimitDays { get; set; } = 20;
        public int CommittedLimitDays { get; set; } = 20;
        public bool ExtensionAllowed { get; set; }
        public int ExtensionDays { get; set; }
        public bool PauseForSupplement { get; set; } = true;
        public bool PauseForTesting { get; set; }
        public bool PauseForExpertReview { get; set; }
        public string? Fees { get; set; }
        public HandlingChannel Channel { get; set; } = HandlingChannel.OnlineOrOnSite;
        public string? ServiceLocation { get; set; }
        public string? ServiceHours { get; set; }
        public string? PermitName { get; set; }
        public int? PermitValidityYears { get; set; }
        public int RenewalWindowDays { get; set; } = ItemContent.DefaultRenewalWindowDays;
        public int? VerificationWindowDays { get; set; }
        public int FilingCheckPercent { get; set; } = 100;
        public string? CommitmentLetterText { get; set; }
        public RiskLevel RiskLevel { get; set; } = RiskLevel.Medium;
        public string? ScopePhrases { get; set; }
        public List<EnterpriseType> EnterpriseTypes { get; set; } = [];

        public static ItemForm From(string code, CatalogKind kind, ItemContent c) => new()
        {
            Code = code,
            Kind = kind,
            Name = c.Name,
            DepartmentCode = c.DepartmentCode,
            IndustryAuthorityCode = c.IndustryAuthorityCode,
            Level = c.Level,
            LegalBasis = c.LegalBasis,
            Mode = c.Mode,
            ReformMeasures = c.ReformMeasures,
            SupervisionMeasures = c.SupervisionMeasures,
            Conditions = ItemText.Format(c.Conditions),
            Materials = ItemText.Format(c.Materials),
            Steps = ItemText.Format(c.Steps),
            Fees = ItemText.Format(c.Fees),
            StatutoryLimitDays = c.StatutoryLimitDays,
            CommittedLimitDays = c.CommittedLimitDays,
            ExtensionAllowed = c.ExtensionAllowed,
            ExtensionDays = c.ExtensionDays,
            PauseForSupplement = c.PauseForSupplement,
            PauseForTesting = c.PauseForTesting,
            PauseForExpertReview = c.PauseForExpertReview,
            Channel = c.Channel,
            ServiceLocation = c.ServiceLocation,
            ServiceHours = c.ServiceHours,
            PermitName = c.PermitName,
            PermitValidityYears = c.PermitValidityYears,
            RenewalWindowDays = c.RenewalWindowDays,
            VerificationWindowDays = c.VerificationWindowDays,
            FilingCheckPercent = c.FilingCheckPercent,
            CommitmentLetterText = c.CommitmentLetterText,
            RiskLevel = c.RiskLevel,
            ScopePhrases = ItemText.FormatPhrases(c.ScopePhrases),
            EnterpriseTypes = [.. c.EnterpriseTypes],
        };

        /// <summary>The content the form describes, or the lines it could not read.</summary>
        public (ItemContent Content, IReadOnlyList<ItemProblem> Problems) ToContent()
        {
            var conditions = ItemText.ParseConditions(Conditions);
            var materials = ItemText.ParseMaterials(Materials);
            var steps = ItemText.ParseSteps(Steps);
            var fees = ItemText.ParseFees(Fees);
            var content = new ItemContent
            {
                Name = Name?.Trim() ?? string.Empty,
                DepartmentCode = DepartmentCode ?? string.Empty,
                IndustryAuthorityCode = string.IsNullOrWhiteSpace(IndustryAuthorityCode) ? null : IndustryAuthorityCode.Trim(),
                Level = Level,
                LegalBasis = LegalBasis?.Trim() ?? string.Empty,
                Mode = Mode,
                ReformMeasures = ReformMeasures?.Trim() ?? string.Empty,
                SupervisionMeasures = SupervisionMeasures?.Trim() ?? string.Empty,
                Conditions = conditions.Items,
                Materials = materials.Items,
                Steps = steps.Items,
                Fees = fees.Items,
                StatutoryLimitDays = StatutoryLimitDays,
                CommittedLimitDays = CommittedLimitDays,
                ExtensionAllowed = ExtensionAllowed,
                ExtensionDays = ExtensionDays,
                PauseForSupplement = PauseForSupplement,
                PauseForTesting = PauseForTesting,
                PauseForExpertReview = PauseForExpertReview,
                Channel = Channel,
                ServiceLocation = ServiceLocation?.Trim() ?? string.Empty,
                ServiceHours = ServiceHours?.Trim() ?? string.Empty,
                PermitName = string.IsNullOrWhiteSpace(PermitName) ? null : PermitName.Trim(),
                PermitValidityYears = PermitValidityYears,
                RenewalWindowDays = RenewalWindowDays,
                VerificationWindowDays = Mode is ReformMode.Commitment or ReformMode.Filing ? VerificationWindowDays : null,
                FilingCheckPercent = Mode == ReformMode.Filing ? FilingCheckPercent : 100,
                CommitmentLetterText = Mode == ReformMode.Commitment && !string.IsNullOrWhiteSpace(CommitmentLetterText) ? CommitmentLetterText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : null,
                RiskLevel = RiskLevel,
                ScopePhrases = ItemText.ParsePhrases(ScopePhrases),
                EnterpriseTypes = EnterpriseTypes.Distinct().ToList(),
            };
            return (content, [.. conditions.Problems, .. materials.Problems, .. steps.Problems, .. fees.Problems]);
        }
    }

    [BindProperty]
    public ItemForm Input { get; set; } = new();

    [BindProperty]
    public bool IsNew { get; set; } = true;

    public IReadOnlyList<ItemProblem> Problems { get; private set; } = [];

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            var item = await items.FindAsync(code, cancellationToken);
            if (item is null)
            {
                return NotFound();
            }

            Input = ItemForm.From(item.Code, item.Kind, (item.Draft ?? item.LatestPublished!).Content);
            IsNew = false;
        }

        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A number or choice that did not bind (an emptied limit, a forged option) is reported, not replaced by a default.
        var unbound = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => new ItemProblem(e.Key.Replace("Input.", string.Empty, StringComparison.Ordinal), "请填写有效的值。")).ToList();
        ModelState.Clear();
        var (content, unreadable) = Input.ToContent();
        unreadable = [.. unbound, .. unreadable];
        if (unreadable.Count == 0)
        {
            var result = await saveDraft.HandleAsync(new(Input.Code ?? string.Empty, Input.Kind, content, User.ToActor()) { IsNew = IsNew }, cancellationToken);
            if (result.IsSuccess)
            {
                return Redirect($"/ReformOffice/Items/Versions?code={Uri.EscapeDataString(result.Value!.ItemCode)}&saved=true");
            }

            unreadable = result.Refusal!.Errors?.SelectMany(e => e.Value.Select(reason => new ItemProblem(e.Key, reason))).ToList() ?? [new ItemProblem("事项", result.Refusal.Detail)];
        }

        Problems = unreadable;
        Departments = await referenceData.DepartmentsAsync(activeOnly: true, cancellationToken);
        return Page();
    }
}
