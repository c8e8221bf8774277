using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

/// <summary>Moves its clock forward, so it has a host of its own.</summary>
public sealed class CalendarWarningTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task The_administrator_home_warns_when_next_years_national_table_is_missing()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);
        Assert.DoesNotContain("尚未录入", await client.GetStringAsync("/Workbench"), StringComparison.Ordinal);

        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var home = await (await factory.CookieClientAsync(Roles.Administrator)).GetStringAsync("/Workbench");

        Assert.Contains("尚未录入 2028 年全国节假日安排", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_are_not_shown_the_calendar_warning()
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var client = await factory.CookieClientAsync(Roles.Approver);

        Assert.DoesNotContain("尚未录入", await client.GetStringAsync("/Workbench"), StringComparison.Ordinal);
    }
}
