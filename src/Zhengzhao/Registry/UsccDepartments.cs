namespace Zhengzhao.Registry;

/// <summary>Registration departments and their organisation categories, GB 32100-2015 table 1.</summary>
public static class UsccDepartments
{
    private static readonly Dictionary<char, (string Name, Dictionary<char, string> Categories)> Table = new()
    {
        ['1'] = ("机构编制", new() { ['1'] = "机关", ['2'] = "事业单位", ['3'] = "中央编办直接管理机构编制的群众团体", ['9'] = "其他" }),
        ['2'] = ("外交", new() { ['1'] = "外国常驻新闻机构", ['9'] = "其他" }),
        ['3'] = ("司法行政", new() { ['1'] = "律师执业机构", ['2'] = "公证处", ['3'] = "基层法律服务所", ['4'] = "司法鉴定机构", ['5'] = "仲裁委员会", ['9'] = "其他" }),
        ['4'] = ("文化", new() { ['1'] = "外国在华文化中心", ['9'] = "其他" }),
        ['5'] = ("民政", new() { ['1'] = "社会团体", ['2'] = "民办非企业单位", ['3'] = "基金会", ['9'] = "其他" }),
        ['6'] = ("旅游", new() { ['1'] = "外国旅游部门常驻代表机构", ['2'] = "港澳台地区旅游部门常驻内地（大陆）代表机构", ['9'] = "其他" }),
        ['7'] = ("宗教", new() { ['1'] = "宗教活动场所", ['2'] = "宗教院校", ['9'] = "其他" }),
        ['8'] = ("工会", new() { ['1'] = "基层工会", ['9'] = "其他" }),
        ['9'] = ("工商", new() { ['1'] = "企业", ['2'] = "个体工商户", ['3'] = "农民专业合作社" }),
        ['A'] = ("中央军委改革和编制办公室", new() { ['1'] = "军队事业单位", ['9'] = "其他" }),
        ['N'] = ("农业", new() { ['1'] = "组级集体经济组织", ['2'] = "村级集体经济组织", ['3'] = "乡镇级集体经济组织", ['9'] = "其他" }),
        ['Y'] = ("其他", new() { ['1'] = "其他" }),
    };

    public static string? DepartmentName(char department) =>
        Table.TryGetValue(department, out var entry) ? entry.Name : null;

    public static string? CategoryName(char department, char category) =>
        Table.TryGetValue(department, out var entry) && entry.Categories.TryGetValue(category, out var name) ? name : null;
}
