using System.Text.RegularExpressions;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>
/// The content security policy runs no script the app did not serve as a file, and applies no style but the app's own
/// stylesheet outside the API reference, so an injection stays text.
/// </summary>
public sealed partial class CspTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Catalog")]
    [InlineData("/Publicity")]
    [InlineData("/Verify")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Public_pages_run_only_the_apps_own_script_files(string path)
    {
        using var anyone = factory.Anonymous();

        var response = await anyone.GetAsync(path);

        Assert.Equal("script-src 'self'", ScriptSource(response));
        Assert.Equal("style-src 'self'", StyleSource(response));
    }

    [Fact]
    public async Task A_signed_in_workbench_runs_only_the_apps_own_script_files()
    {
        using var approver = await factory.CookieClientAsync(Roles.Approver);

        var response = await approver.GetAsync("/Workbench");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("script-src 'self'", ScriptSource(response));
        Assert.Equal("style-src 'self'", StyleSource(response));
    }

    [Fact]
    public async Task The_api_reference_allows_its_one_inline_start_up_script_by_a_nonce_fresh_on_every_request()
    {
        using var anyone = factory.Anonymous();

        var first = await anyone.GetAsync("/api/docs/");
        var second = await anyone.GetAsync("/api/docs/");

        var nonce = Nonce().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", ScriptSource(first));
        Assert.NotEqual(ScriptSource(first), ScriptSource(second));
    }

    [Fact]
    public async Task Only_the_api_reference_allows_inline_styles_which_its_bundle_injects_at_run_time()
    {
        using var anyone = factory.Anonymous();

        var reference = await anyone.GetAsync("/api/docs/");
        var page = await anyone.GetAsync("/Catalog");

        Assert.Equal("style-src 'self' 'unsafe-inline'", StyleSource(reference));
        Assert.Equal("style-src 'self'", StyleSource(page));
    }

    private static string ScriptSource(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    private static string StyleSource(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src ", StringComparison.Ordinal));

    [GeneratedRegex("nonce=\"([^\"]+)\"[^>]*>\\s*import")]
    private static partial Regex Nonce();
}
