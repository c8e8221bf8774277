using Microsoft.Playwright;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// Every page of every role runs under a policy that bars inline script and inline style, and runs without a single
/// violation: what the inline handlers did (printing) still works from the app's own script files, what the style
/// attributes did comes from the stylesheet, and the API reference still renders.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] PublicPages = ["/", "/Catalog", "/Services/Scope", "/Services/Uscc", "/Services/Calendar", "/Verify", "/Publicity", "/Account/Login"];

    public static TheoryData<string> StaffAndApplicants() => [.. Roles.All.Select(r => r.Name)];

    [Fact]
    public async Task A_visitor_meets_no_violation_on_the_public_pages()
    {
        var (page, violations) = await WatchedPageAsync();

        foreach (var path in PublicPages)
        {
            await page.GotoAsync(path);
        }

        Assert.Empty(violations);
    }

    [Theory]
    [MemberData(nameof(StaffAndApplicants))]
    public async Task Each_role_opens_every_page_of_its_menu_without_a_violation(string role)
    {
        var userName = await host.Factory.ReadyDemoAccountAsync(role);
        var (page, violations) = await WatchedPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GotoAsync("/Workbench");
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(userName);

        var menu = await page.GetByTestId("nav-work").Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var path in menu)
        {
            await page.GotoAsync(path);
        }

        Assert.NotEmpty(menu);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_credit_reports_print_button_still_opens_the_print_dialog()
    {
        var (page, violations) = await WatchedPageAsync();
        await page.AddInitScriptAsync("window.print = () => { window.printed = true; };");

        await page.GotoAsync($"/Publicity/Enterprise/{SamplePermits.ApplicantCompany}");
        await page.GetByTestId("print").ClickAsync();

        Assert.True(await page.EvaluateAsync<bool>("window.printed === true"));
        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_nonce_without_a_violation()
    {
        var (page, violations) = await WatchedPageAsync();

        // The first request for the OpenAPI document builds it, which takes a while on a busy machine.
        var document = await page.RunAndWaitForResponseAsync(() => page.GotoAsync("/api/docs/"), "**/openapi/v1.json", new() { Timeout = 60000 });

        Assert.True(document.Ok, string.Join("\n", violations));
        await Assertions.Expect(page.GetByText("/api/v1/calendar/add-workdays").First).ToBeVisibleAsync(new() { Timeout = 30000 });
        Assert.Empty(violations);
    }

    [Fact]
    public async Task An_injected_inline_script_is_refused()
    {
        var (page, violations) = await WatchedPageAsync();
        await page.GotoAsync("/");

        // What an injection into a page would add: the policy, not the page's own care, has to stop it.
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("""
                () => {
                    const script = document.createElement('script');
                    script.textContent = 'window.injected = true;';
                    document.body.appendChild(script);
                }
                """),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });

        Assert.False(await page.EvaluateAsync<bool>("window.injected === true"));
        Assert.NotEmpty(violations);
    }

    /// <summary>A page that records each violation, both as the event pages can listen to and as Chromium's console report.</summary>
    private async Task<(IPage Page, List<string> Violations)> WatchedPageAsync()
    {
        var page = await host.NewPageAsync();
        var violations = new List<string>();
        await page.ExposeFunctionAsync("reportViolation", (string violation) => violations.Add(violation));
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.documentURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        return (page, violations);
    }
}
