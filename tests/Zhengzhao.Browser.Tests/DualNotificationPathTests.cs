using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Registry;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// The whole dual-notification path in a browser: the registrar registers a company whose scope needs two
/// permits; the applicant reads and signs the notification letter; each approving department claims its push; one
/// permit granted closes its loop while the other stays tracked.
/// </summary>
public sealed class DualNotificationPathTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string Code = Uscc.Compose('9', '1', "540172", "MA6TBR01").Value;

    private async Task<IPage> SignInAsync(string userName, string password)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        return page;
    }

    private async Task<IPage> SignInAsAsync(string role) => await SignInAsync(await host.Factory.ReadyDemoAccountAsync(role), ZhengzhaoFactory.TestPassword);

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"dual-notification-{name}.png"), FullPage = true });

    [Fact]
    public async Task From_registration_to_a_closed_loop()
    {
        // The registrar registers a company that will show films and hold auctions: 电影发行 (新闻出版广电局) and 拍卖业务 (商务厅).
        var registrar = await SignInAsAsync(Roles.Regulator);
        await registrar.GotoAsync("/Registry/Register");
        await registrar.GetByLabel("统一社会信用代码").FillAsync(Code);
        await registrar.GetByLabel("名称").FillAsync("拉萨经开区雪域影业拍卖有限公司");
        await registrar.GetByLabel("类型").SelectOptionAsync("DomesticCompany");
        await registrar.GetByLabel("法定代表人（负责人、经营者）").FillAsync("次仁");
        await registrar.GetByLabel("身份证号码").FillAsync("54010219880117" + "104" + IdentityNumber.ComputeCheckCharacter("54010219880117104"));
        await registrar.GetByLabel("注册资本（万元）").FillAsync("300");
        await registrar.GetByLabel("住所（经营场所）").FillAsync("拉萨经开区格桑路8号");
        await registrar.GetByLabel("区划").SelectOptionAsync("540172");
        await registrar.GetByLabel("登记机关").FillAsync("拉萨经济技术开发区市场监督管理局");
        await registrar.GetByLabel("成立日期").FillAsync("2026-11-26");
        await registrar.GetByLabel("核准日期").FillAsync("2026-11-26");
        await registrar.GetByLabel("经营范围").FillAsync("许可项目：电影发行；拍卖业务。一般项目：日用百货销售；会议及展览服务。");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "提交登记" }).ClickAsync();
        await Assertions.Expect(registrar.GetByTestId("company-letters")).ToContainTextAsync("待签署");

        // The hall opens an account for the company; its applicant signs in, reads the letter and signs it.
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().HandleAsync(new("xueyu-film", "拉萨经开区雪域影业拍卖有限公司", Roles.Applicant, null, null, Code, Actor.System));
            var applicant = await SignInAsync("xueyu-film", created.Value!.OneTimePassword);
            await applicant.GetByLabel("当前密码").FillAsync(created.Value.OneTimePassword);
            await applicant.GetByLabel("新密码", new() { Exact = true }).FillAsync("Xueyu2026Film");
            await applicant.GetByLabel("确认新密码").FillAsync("Xueyu2026Film");
            await applicant.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
            await applicant.GotoAsync("/Workbench");
            await applicant.GetByRole(AriaRole.Link, new() { Name = "查看并签署" }).ClickAsync();
            var items = applicant.GetByTestId("letter-items");
            await Assertions.Expect(items).ToContainTextAsync("电影发行单位设立、变更审批");
            await Assertions.Expect(items).ToContainTextAsync("拍卖业务许可");
            await applicant.GetByLabel("签署人姓名").FillAsync("次仁");
            await applicant.GetByRole(AriaRole.Button, new() { Name = "确认并签署" }).ClickAsync();
            await Assertions.Expect(applicant.GetByTestId("signature")).ToContainTextAsync("签署人 次仁");
            await ShotAsync(applicant, "letter");
        }

        // Each approving department claims its push; the film bureau then reports the permit granted.
        var film = await SignInAsAsync(Roles.Approver);
        var commerce = await SignInAsAsync(Roles.DepartmentAdmin);
        foreach (var desk in new[] { film, commerce })
        {
            await desk.GotoAsync("/Coordination/Inbox");
            await desk.Locator($"tr[data-uscc='{Code}']").GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
            await Assertions.Expect(desk.Locator($"tr[data-uscc='{Code}']").GetByTestId("push-state")).ToHaveTextAsync("已认领");
        }

        var row = film.Locator($"tr[data-uscc='{Code}']");
        await row.GetByLabel("办理结果").SelectOptionAsync("Granted");
        await row.GetByLabel("许可证号").FillAsync("藏新广影发字（2026）第021号");
        await row.GetByRole(AriaRole.Button, new() { Name = "反馈" }).ClickAsync();
        await Assertions.Expect(film.Locator($"tr[data-uscc='{Code}']").GetByTestId("push-state")).ToHaveTextAsync("已认领·已发证");
        await ShotAsync(film, "inbox");

        // The loop of the granted permit is closed; the auction permit is still followed.
        await registrar.GotoAsync("/Coordination/Tracking");
        var open = registrar.Locator($"[data-testid='tracking'] tr[data-uscc='{Code}']");
        await Assertions.Expect(open).ToHaveCountAsync(1);
        await Assertions.Expect(open).ToHaveAttributeAsync("data-item", "SL-011");
        await ShotAsync(registrar, "tracking");
    }
}
