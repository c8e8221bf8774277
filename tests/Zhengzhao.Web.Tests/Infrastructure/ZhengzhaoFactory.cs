using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// The whole platform in process over a fresh database, with the demo accounts seeded and a clock the test controls
/// (starting at 2026-11-26 10:00 Beijing time).
/// </summary>
public partial class ZhengzhaoFactory : WebApplicationFactory<Program>
{
    /// <summary>The password every test account is given once the test takes it over.</summary>
    public const string TestPassword = "Zhengzhao2026Test";

    private readonly TestDatabase _database = TestDatabase.Create();

    /// <summary>Uploaded materials of this factory's app: a throw-away folder, as production keeps them outside the web root.</summary>
    public string UploadRoot { get; } = Directory.CreateTempSubdirectory("zhengzhao-uploads-").FullName;

    /// <summary>Where this factory's audit checkpoints are written: a throw-away folder, outside the database as in production.</summary>
    public string CheckpointFolder { get; } = Directory.CreateTempSubdirectory("zhengzhao-checkpoints-").FullName;

    /// <summary>The checkpoint key pair of this factory's app; tests forge checkpoints with other keys.</summary>
    public ECDsa CheckpointKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>Extra settings a test class needs, such as the production environment.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>A client over HTTPS, as production is reached: outside Development cookies are sent back over HTTPS only.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>A client holding a bearer token for the demo account of the role.</summary>
    public async Task<HttpClient> BearerClientAsync(string role) => await TokenClientAsync(await ReadyDemoAccountAsync(role));

    /// <summary>A client with a bearer token for a new account of the role (a member of staff optionally its department's head), made through the same use case as the administrator's.</summary>
    public async Task<HttpClient> NewBearerClientAsync(string userName, string role, string? department = null, string? region = null, string? uscc = null, bool departmentHead = false)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().HandleAsync(new(userName, userName, role, department, region, uscc, Actor.System) { IsDepartmentHead = departmentHead });
            Assert.True(created.IsSuccess, created.Refusal?.Detail);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByNameAsync(userName);
            await users.RemovePasswordAsync(user!);
            await users.AddPasswordAsync(user!, TestPassword);
            user!.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return await TokenClientAsync(userName);
    }

    /// <summary>A client with a fresh bearer token for an account the test already made ready (after the clock moved on).</summary>
    public async Task<HttpClient> TokenClientAsync(string userName)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/identity/token", new { userName, password = TestPassword });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client signed in through the login form, holding the cookie as a browser would.</summary>
    public async Task<HttpClient> CookieClientAsync(string role)
    {
        var userName = await ReadyDemoAccountAsync(role);
        var client = Anonymous();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Fetches the form page for its antiforgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        fields["__RequestVerificationToken"] = AntiforgeryToken(await client.GetStringAsync(formPage ?? path));
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token a page carries, to post a form again as a double click would.</summary>
    public static string AntiforgeryToken(string page)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "No antiforgery token on the page");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Gives the demo account of the role a known password and clears its one-time-password flag.</summary>
    public async Task<string> ReadyDemoAccountAsync(string role)
    {
        var userName = AccountSeeder.DemoUserName(role);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo account {userName}");
        if (user.MustChangePassword)
        {
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, TestPassword);
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        return userName;
    }

    public async Task<T> WithDbAsync<T>(Func<ZhengzhaoDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>());
    }

    public async Task<T> WithUseCaseAsync<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Zhengzhao", _database.ConnectionString);
        builder.UseSetting("Seed:Demo", "true");

        // Tests drive the background passes themselves (webhooks, notifications, the licensing sweep) on the fake clock.
        builder.UseSetting("Webhooks:Enabled", "false");
        builder.UseSetting("Notifications:Enabled", "false");
        builder.UseSetting("Notifications:WarnDeadlines", "false");
        builder.UseSetting("Licensing:Sweep", "false");
        builder.UseSetting("Credit:Collect", "false");
        builder.UseSetting("Registry:IndexNames", "false");
        builder.UseSetting("Identity:ForgetQuietAttempts", "false");

        // The test receivers listen on the loopback, which production refuses unless the operator allows it (ADR 27).
        builder.UseSetting("Webhooks:AllowedNetworks:0", "127.0.0.0/8");
        builder.UseSetting("Webhooks:RequireHttps", "false");

        // The audit keys a production operator configures (ADR 28); the daily checkpoint is written by tests on demand.
        builder.UseSetting("Audit:ChainKeys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Audit:CheckpointSigningKey", CheckpointKey.ExportPkcs8PrivateKeyPem());
        builder.UseSetting("Audit:CheckpointPublicKey", CheckpointKey.ExportSubjectPublicKeyInfoPem());
        builder.UseSetting("Audit:CheckpointFolder", CheckpointFolder);
        builder.UseSetting("Audit:DailyCheckpoint", "false");

        // All test requests come from one address; the limit itself is tested with a lower setting.
        builder.UseSetting("PublicPortal:RequestsPerMinute", "100000");
        builder.UseSetting("Storage:Uploads", UploadRoot);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();

            // The factory is disposed both synchronously and asynchronously at the end of a class: delete once.
            foreach (var folder in new[] { UploadRoot, CheckpointFolder }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            CheckpointKey.Dispose();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed record TokenResponse(string AccessToken, string RefreshToken, long ExpiresIn);
}
