using Microsoft.Playwright;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// A transparent-approval application in a browser: the applicant files it online with its materials, the window
/// asks once for what is wrong, the applicant supplies it, the department ends each published step and approves.
/// </summary>
public sealed class TransparentApplicationTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private async Task<IPage> SignInAsAsync(string role)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(await host.Factory.ReadyDemoAccountAsync(role));
        await page.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    private static FilePayload Scan(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Pdf };

    [Fact]
    public async Task A_clerk_takes_a_transparent_application_through_one_supplement_to_approval()
    {
        // The applicant files 电影放映单位设立审批 (SL-016) with every required material.
        var applicant = await SignInAsAsync(Roles.Applicant);
        await applicant.GotoAsync("/Licensing/New?item=SL-016");
        var materials = applicant.GetByTestId("file-form").Locator("input[type=file]");
        for (var i = 0; i < await materials.CountAsync() - 1; i++)
        {
            await materials.Nth(i).SetInputFilesAsync(Scan($"材料{i + 1}.pdf"));
        }

        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("state")).ToHaveTextAsync("已提交");
        var address = applicant.Url;

        // The window asks, once, for a better licence scan.
        var clerk = await SignInAsAsync(Roles.WindowClerk);
        await clerk.GotoAsync(address);
        var window = clerk.GetByTestId("window-actions");
        await window.GetByLabel("营业执照", new() { Exact = true }).CheckAsync();
        await window.GetByLabel("营业执照 的问题").FillAsync("复印件模糊不清");
        await window.GetByRole(AriaRole.Button, new() { Name = "告知补正" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("supplement-notice")).ToContainTextAsync("营业执照：复印件模糊不清");

        // The applicant supplies it; the window accepts.
        await applicant.GotoAsync(address);
        await applicant.GetByTestId("supplement-form").GetByLabel("营业执照").SetInputFilesAsync(Scan("营业执照-清晰.pdf"));
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交补正材料" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("state")).ToHaveTextAsync("已提交");
        await clerk.GotoAsync(address);
        await Assertions.Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "告知补正" })).ToHaveCountAsync(0);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("state")).ToHaveTextAsync("审查中");

        // The department ends each published step in order, then approves.
        var approver = await SignInAsAsync(Roles.Approver);
        await approver.GotoAsync("/Licensing");
        await approver.Locator($"[data-testid='applications'] a[href='{new Uri(address).AbsolutePath}']").ClickAsync();
        while (await approver.GetByRole(AriaRole.Button, new() { Name = "办结本环节" }).CountAsync() > 0)
        {
            await approver.GetByRole(AriaRole.Button, new() { Name = "办结本环节" }).ClickAsync();
        }

        await approver.GetByRole(AriaRole.Button, new() { Name = "作出决定" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("state")).ToHaveTextAsync("准予许可");

        // The applicant follows every step: who held it and when it ended.
        await applicant.GotoAsync(address);
        await Assertions.Expect(applicant.GetByTestId("decision")).ToContainTextAsync("准予许可");
        await Assertions.Expect(applicant.GetByTestId("steps").Locator("tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(applicant.GetByTestId("steps").Locator("tbody tr").Last).ToContainTextAsync("demo-approver");
        await applicant.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "transparent-application.png"), FullPage = true });
    }
}
