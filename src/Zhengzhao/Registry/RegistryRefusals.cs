using Zhengzhao.Common;

namespace Zhengzhao.Registry;

/// <summary>The refusals of the register's use cases, its import and its name search, each worded once.</summary>
internal static class RegistryRefusals
{
    public static Refusal NotRegistered(string uscc, string act) =>
        new("registry/enterprise-not-found", "主体不存在", $"统一社会信用代码 {uscc} 尚未登记，不能办理{act}。", RefusalKind.NotFound);

    public static Refusal DuplicateCode(string uscc, string registeredName) =>
        new("registry/duplicate-code", "代码已登记", $"统一社会信用代码 {uscc} 已登记为“{registeredName}”，一个代码只能登记一个主体。", RefusalKind.Conflict);

    public static Refusal RepresentativeBarred(string reason) =>
        new("registry/representative-barred", "法定代表人任职受限", reason, RefusalKind.Conflict)
        {
            Errors = new Dictionary<string, string[]> { ["legalRepresentativeId"] = [reason] },
        };

    public static Refusal NotActive(Enterprise enterprise, string act) =>
        new("registry/not-active", "主体已注销或吊销", $"{enterprise.Name}（{enterprise.Uscc}）状态为{EnterpriseStatuses.Name(enterprise.Status)}，不能办理{act}。", RefusalKind.Conflict);

    public static Refusal NoChange() =>
        new("registry/no-change", "没有变更", "变更登记的内容与现登记信息相同。", RefusalKind.Conflict);

    public static Refusal DeregisteredBeforeEstablished(DateOnly establishedOn)
    {
        var reason = $"注销日期不能早于成立日期 {establishedOn:yyyy-MM-dd}。";
        return new("registry/invalid-deregistration", "注销信息有误", reason) { Errors = new Dictionary<string, string[]> { ["deregisteredOn"] = [reason] } };
    }

    public static Refusal QueryCodeInvalid(string reason) =>
        new("registry/invalid-query-code", "统一社会信用代码有误", "输入的 18 位统一社会信用代码未通过校验，请逐位核对；也可以输入企业名称中的字词查询。") { Errors = QueryField(reason) };

    public static Refusal QueryTooShort() =>
        new("registry/query-too-short", "查询内容过短", "请输入企业名称中连续的至少两个字，或完整的 18 位统一社会信用代码。") { Errors = QueryField("至少输入两个字。") };

    public static Refusal ImportFileType(string fileName) =>
        new("registry/import-file-type", "文件类型不支持", $"“{fileName}”不是 .csv 或 .xlsx 文件。请下载导入模板，填写后另存为 CSV（UTF-8）或 Excel 工作簿（.xlsx）上传。");

    public static Refusal ImportEmpty(string fileName) =>
        new("registry/import-empty", "文件是空的", $"“{fileName}”是空文件，没有可导入的数据。");

    public static Refusal ImportNoHeader(string fileName) =>
        new("registry/import-empty", "文件是空的", $"“{fileName}”第 1 行没有表头，没有可导入的数据。");

    public static Refusal ImportTooLarge(long maxBytes) =>
        new("registry/import-too-large", "文件过大", $"文件超过 {maxBytes / 1024 / 1024} MB，请拆分后分批导入。");

    /// <summary>The file is not what its extension says, is damaged from the start, or breaks part-way through.</summary>
    public static Refusal ImportUnreadable(string detail) =>
        new("registry/import-unreadable", "文件无法读取", detail);

    public static Refusal ImportHeader(string problem) =>
        new("registry/import-header", "表头不符合模板", problem);

    public static Refusal ImportNoRows(string fileName) =>
        new("registry/import-no-rows", "没有数据行", $"“{fileName}”只有表头，没有可导入的数据行。");

    public static Refusal ImportLimit(string fileName, string limit) =>
        new("registry/import-limit", "文件超出导入限制", $"“{fileName}”未导入：{limit}");

    public static Refusal ImportRunNotFound(Guid id) =>
        new("registry/import-not-found", "导入记录不存在", $"没有编号为 {id} 的导入记录。", RefusalKind.NotFound);

    private static Dictionary<string, string[]> QueryField(string reason) => new() { ["q"] = [reason] };
}
