using Microsoft.Playwright;
using MiniExcelLibs;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// Walk 15b E2: a catalogue file of many bad rows is refused with a heading that gives the count and says only the
/// first problems are listed, and a closing line after the table; on a phone the problems stack instead of squeezing
/// the column names to one character a line.
/// </summary>
public sealed class CatalogImportPageTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static byte[] BadRows(int count)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(
            Enumerable.Range(1, count).Select(i => new Dictionary<string, object>
            {
                ["序号"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["事项名称"] = $"坏行{i}",
                ["审批部门"] = "交通运输厅",
                ["设定依据"] = "《中华人民共和国港口法》第二十二条",
                ["改革方式"] = "特别审批",
                ["具体改革举措"] = "公开审批标准。",
                ["加强事中事后监管措施"] = "双随机抽查。",
                ["事项编码"] = $"XZ2018-P{i:D4}",
                ["目录"] = "官方目录",
                ["申请条件"] = "有固定的经营场所|《港口经营管理规定》第七条",
                ["申请材料"] = "申请书|原件|1|必要",
                ["办理环节"] = "受理|1\n审查|5\n决定|2",
                ["法定时限"] = "20",
                ["承诺时限"] = "10",
                ["生效日期"] = "2026-11-01",
            }),
            sheetName: CatalogSheet.SheetName);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_refused_file_of_many_problems_says_how_many_are_listed_and_reads_on_a_phone()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(await host.Factory.ReadyDemoAccountAsync(Roles.ReformOffice));
        await page.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GotoAsync("/ReformOffice/Items/Import");
        await page.GetByLabel("事项表（.xlsx）").SetInputFilesAsync(new FilePayload { Name = "items.xlsx", MimeType = Spreadsheet.ContentType, Buffer = BadRows(1_100) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-found")).ToContainTextAsync("下列前 1,000 处");
        await Assertions.Expect(page.GetByTestId("import-unlisted")).ToContainTextAsync("处问题未列出");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "catalog-import-refused.png") });
        await page.GetByTestId("import-unlisted").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "catalog-import-refused-end.png") });

        await page.SetViewportSizeAsync(390, 844);
        await page.GetByTestId("import-found").ScrollIntoViewIfNeededAsync();
        var column = page.Locator("td[data-label='列']").First;
        var box = await column.BoundingBoxAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "catalog-import-refused-390.png") });

        // Stacked, the column's name has the width of the screen, not of one character.
        Assert.True(box is { Width: > 200 }, $"列 cell {box?.Width} px wide");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }
}
