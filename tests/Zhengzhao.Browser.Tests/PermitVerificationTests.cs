using Microsoft.Playwright;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// The electronic permit in a browser: the holder opens it from its list, and the link of its QR code, followed in
/// a fresh browser with no sign-in, shows the public verification page with the permit valid.
/// </summary>
public sealed class PermitVerificationTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task The_holder_opens_its_permit_and_its_QR_link_verifies_it_as_valid_to_anyone()
    {
        var permit = await SamplePermits.IssuedAsync(host.Factory, SamplePermits.ApplicantCompany, "包装装潢印刷品印刷");
        var holder = await host.NewPageAsync();
        await holder.GotoAsync("/Account/Login");
        await holder.GetByLabel("用户名").FillAsync(await host.Factory.ReadyDemoAccountAsync(Roles.Applicant));
        await holder.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await holder.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await holder.GotoAsync("/Permits");
        await holder.GetByRole(AriaRole.Link, new() { Name = permit.Number }).ClickAsync();
        await Assertions.Expect(holder.GetByTestId("permit-number")).ToHaveTextAsync(permit.Number);
        await Assertions.Expect(holder.GetByTestId("verify-link").Locator("svg")).ToBeVisibleAsync();
        var link = await holder.GetByTestId("verify-link").GetAttributeAsync("href");
        await holder.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "permit-electronic.png"), FullPage = true });

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync(link!);

        await Assertions.Expect(visitor.GetByTestId("verified-state")).ToContainTextAsync("有效");
        await Assertions.Expect(visitor.GetByTestId("verification")).ToContainTextAsync(permit.Number);
        await Assertions.Expect(visitor.GetByTestId("verification")).ToContainTextAsync("拉萨雪域味道餐饮管理有限公司");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "permit-verification.png"), FullPage = true });
    }
}
