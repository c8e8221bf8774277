using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;

namespace Zhengzhao.Browser.Tests;

/// <summary>Each demo account signs in with its one-time password, sets its own, and sees the menu of its role.</summary>
public sealed class RoleNavigationTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] PublicMenu = ["首页", "事项目录", "需办许可", "信用代码校验", "工作日查询", "证照核验", "企业信用信息公示", "接口文档"];

    public static TheoryData<string, string[]> MenuByRole() => new()
    {
        { Roles.Applicant, ["我的企业", "我的申请", "我的证照", "预约办事", "信用与修复"] },
        { Roles.WindowClerk, ["窗口受理", "待受理申请", "今日预约"] },
        { Roles.Approver, ["审批工作台", "审批待办", "核查任务", "本部门证照", "推送认领", "双跟踪", "行政处罚录入", "信用修复"] },
        { Roles.DepartmentAdmin, ["部门工作台", "本部门人员", "审批待办", "督办", "核查任务", "本部门证照", "推送认领", "抄告接收", "双跟踪", "推送接收地址", "推送投递记录", "大厅与号源", "行政处罚录入", "信用修复", "逾期公示"] },
        { Roles.Regulator, ["市场监管工作台", "企业登记", "证照查询", "回退处理", "双跟踪", "双告知统计", "信用记录", "名录管理", "信用修复", "行政处罚录入"] },
        { Roles.Inspector, ["检查工作台", "行政处罚录入"] },
        { Roles.Oversight, ["督查工作台", "双跟踪", "双告知统计", "信用记录", "名录管理", "逾期公示", "审计日志"] },
        { Roles.ReformOffice, ["审改工作台", "事项管理", "双告知统计"] },
        { Roles.Administrator, ["系统管理", "账户管理", "部门管理", "区划管理", "工作日历", "推送接收地址", "推送投递记录", "审计日志"] },
    };

    [Theory]
    [MemberData(nameof(MenuByRole))]
    public async Task A_demo_account_signs_in_changes_its_password_and_sees_its_menu(string role, string[] menu)
    {
        var demo = host.Factory.Services.GetRequiredService<DemoCredentials>().Accounts.Single(a => a.UserName == AccountSeeder.DemoUserName(role));
        var page = await host.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(demo.UserName);
        await page.GetByLabel("密码").FillAsync(demo.OneTimePassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("must-change")).ToBeVisibleAsync();
        await page.GetByLabel("当前密码").FillAsync(demo.OneTimePassword);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("Browser2026" + role);
        await page.GetByLabel("确认新密码").FillAsync("Browser2026" + role);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存新密码" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("change-ok")).ToBeVisibleAsync();

        await page.GotoAsync("/Workbench");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(demo.UserName);
        Assert.Equal(PublicMenu, await page.GetByTestId("nav-public").Locator("a").AllInnerTextsAsync());
        Assert.Equal(menu, await page.GetByTestId("nav-work").Locator("a").AllInnerTextsAsync());
        Assert.Contains(Roles.Name(role), await page.GetByTestId("role").AllInnerTextsAsync());

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, $"workbench-{role}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_sees_the_public_portal_and_no_work_menu()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page).ToHaveTitleAsync("首页 - “证照分离”改革服务平台");
        Assert.Equal(PublicMenu, await page.GetByTestId("nav-public").Locator("a").AllInnerTextsAsync());
        Assert.Equal(0, await page.GetByTestId("nav-work").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "portal-home.png"), FullPage = true });
    }

    [Fact]
    public async Task A_visitor_checks_a_credit_code_and_a_working_day()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/Services/Uscc");
        await page.GetByLabel("统一社会信用代码").FillAsync("９１４４０３００７１５２６７２６ＸＧ");
        await page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("uscc-result")).ToContainTextAsync("代码有效");

        await page.GotoAsync("/Services/Calendar");
        await page.GetByLabel("日期").FillAsync("2023-02-17");
        await page.GetByLabel("区划").SelectOptionAsync("540100");
        await page.GetByLabel("加工作日数（可选）").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar-due")).ToHaveTextAsync("2023年2月27日");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "calendar-query.png"), FullPage = true });
    }

    [Fact]
    public async Task The_api_reference_renders_from_the_apps_own_assets()
    {
        var page = await host.NewPageAsync();
        var external = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        await page.GotoAsync("/api/docs/");

        await Assertions.Expect(page.GetByText("/api/v1/calendar/add-workdays").First).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Empty(external);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "api-reference.png") });
    }
}
