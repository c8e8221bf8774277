using Microsoft.Playwright;

namespace Zhengzhao.Browser.Tests;

/// <summary>A visitor browses the catalogue, opens a service guide and prints the one-time notification sheet.</summary>
public sealed class CatalogBrowsingTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_visitor_finds_an_item_reads_its_guide_and_prints_the_notification_sheet()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "事项目录" }).First.ClickAsync();
        await page.GetByLabel("目录").SelectOptionAsync("Official");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-count")).ToHaveTextAsync("4");

        await page.GetByRole(AriaRole.Link, new() { Name = "国内船舶管理业务经营审批" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("国内船舶管理业务经营审批");
        Assert.True(await page.GetByTestId("steps").Locator("tbody tr").CountAsync() >= 3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "service-guide.png"), FullPage = true });

        await page.GetByTestId("notice-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("一次性告知书");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mainnav")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "notice-print-preview.png"), FullPage = true });

        var pdf = await page.PdfAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "notice.pdf"), Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }

    [Fact]
    public async Task Demo_items_are_labelled_as_such()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/Catalog?catalog=Demo");

        var rows = page.GetByTestId("items").Locator("tbody tr");
        Assert.True(await rows.CountAsync() >= 25);
        Assert.Equal(await rows.CountAsync(), await page.GetByTestId("items").Locator(".tag-demo").CountAsync());
    }
}
