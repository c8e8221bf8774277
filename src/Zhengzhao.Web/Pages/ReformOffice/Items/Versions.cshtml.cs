using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Web.Api;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.ReformOffice.Items;

public sealed class VersionsModel(ListItemsForOffice items, PublishItemVersion publish, RetireItem retire, CompareVersions compare, AttachMaterialFile attach, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? Before { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? After { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public LicensingItem? Item { get; private set; }

    public CompareVersions.Comparison? Comparison { get; private set; }

    public string? Error { get; private set; }

    public string Today => ChinaTime.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(string? validFrom, CancellationToken cancellationToken)
    {
        var from = ApiInput.Date(validFrom, "生效日期");
        if (!from.IsSuccess)
        {
            Error = from.Refusal!.Detail;
            return await ShowAsync(cancellationToken);
        }

        var result = await publish.HandleAsync(new(Code, from.Value, User.ToActor()), cancellationToken);
        Error = result.Refusal?.Detail;
        return result.IsSuccess ? Redirect($"/ReformOffice/Items/Versions?code={Uri.EscapeDataString(Code)}") : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetireAsync(string? retireFrom, CancellationToken cancellationToken)
    {
        var from = ApiInput.Date(retireFrom, "废止日期");
        if (!from.IsSuccess)
        {
            Error = from.Refusal!.Detail;
            return await ShowAsync(cancellationToken);
        }

        var result = await retire.HandleAsync(new(Code, from.Value, User.ToActor()), cancellationToken);
        Error = result.Refusal?.Detail;
        return result.IsSuccess ? Redirect($"/ReformOffice/Items/Versions?code={Uri.EscapeDataString(Code)}") : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAttachAsync(string? material, AttachMaterialFile.Slot slot, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || string.IsNullOrEmpty(material))
        {
            Error = "请选择材料和要上传的文件。";
            return await ShowAsync(cancellationToken);
        }

        if (file.Length > MaterialFileTypes.MaxBytes)
        {
            Error = $"文件超过 {MaterialFileTypes.MaxBytes / 1024 / 1024} MB。";
            return await ShowAsync(cancellationToken);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await attach.HandleAsync(new(Code, material, slot, file.FileName, buffer.ToArray(), User.ToActor()), cancellationToken);
        Error = result.Refusal?.Detail;
        return result.IsSuccess ? Redirect($"/ReformOffice/Items/Versions?code={Uri.EscapeDataString(Code)}&saved=true") : await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Item = await items.FindAsync(Code, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }

        if (Before is { } before && After is { } after)
        {
            var result = await compare.HandleAsync(new(Code, before, after), cancellationToken);
            Comparison = result.Value;
            Error ??= result.Refusal?.Detail;
        }

        return Page();
    }
}
