using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Web.Hosting;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>A production installation: no demo data, and the first administrator from configuration.</summary>
public sealed class ProductionFactory : ZhengzhaoFactory
{
    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Seed:Demo"] = "false",
        ["Bootstrap:Administrator:UserName"] = "admin",
        ["Bootstrap:Administrator:Password"] = "FirstAdmin2026x",
    };
}

public sealed class ProductionStartTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task No_demo_account_exists_and_the_configured_administrator_does()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();

        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);

        Assert.Equal(["admin"], administrators.Select(u => u.UserName));
        Assert.True(administrators[0].MustChangePassword);
        Assert.Empty(users.Users.Where(u => u.UserName!.StartsWith(AccountSeeder.DemoUserNamePrefix)));
        Assert.Empty(factory.Services.GetRequiredService<DemoCredentials>().Accounts);
    }

    [Fact]
    public async Task The_configured_administrator_signs_in_and_must_change_the_password()
    {
        var client = factory.Anonymous();

        var login = await ZhengzhaoFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "admin", ["Password"] = "FirstAdmin2026x" });

        Assert.Equal("/Account/ChangePassword?first=True", login.Headers.Location!.OriginalString);
        await (await client.PostAsJsonAsync("/api/v1/identity/token", new { userName = "admin", password = "FirstAdmin2026x" })).AssertProblemAsync(403);
    }
}
