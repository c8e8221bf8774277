using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Zhengzhao.Credit;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Web.Pages.Credit;

/// <summary>企业信用记录 as staff read it: found by code, the entries by section, each with its publication dates.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class RecordModel(GetCreditRecord get) : PageModel
{
    /// <summary>The portal's tabs, in its order.</summary>
    public static readonly string[] Sections = ["登记信息", "年度报告", "行政许可", "行政处罚", "经营异常名录", "严重违法失信名单", "抽查检查结果", "告知承诺履约"];

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public GetCreditRecord.Record? Record { get; private set; }

    public string? Missing { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        var result = await get.HandleAsync(Code, cancellationToken);
        Record = result.Value;
        Missing = result.Refusal?.Detail;
    }

    public IEnumerable<CreditEntry> In(string section) => Record!.Entries.Where(e => CreditPublicity.Section(e.Kind) == section);
}
