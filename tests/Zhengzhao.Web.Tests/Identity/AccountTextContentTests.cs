using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>
/// An account's display name is shown beside everything its holder does (the audit trail, a decision's officer): a
/// character that turns the text's direction or a control character is refused by the field, on opening the account
/// and on editing it, and nothing is written. Accounts are opened and edited on the administrator's pages.
/// </summary>
public sealed class AccountTextContentTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Theory]
    [InlineData("次仁\u202E拉姆", "改变文字方向")]
    [InlineData("次仁\u0007拉姆", "控制字符")]
    public async Task Opening_an_account_whose_name_holds_a_direction_override_or_a_control_character_is_refused_by_the_field(string name, string expected)
    {
        var admin = await factory.CookieClientAsync(Roles.Administrator);
        var userName = "text-open-" + (name.Contains('\u202E', StringComparison.Ordinal) ? "bidi" : "bell");
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await ZhengzhaoFactory.PostFormAsync(admin, "/Admin/Accounts/Create", new()
        {
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = Roles.WindowClerk,
            ["Input.DepartmentCode"] = "LS-JKQ",
            ["Input.RegionCode"] = "540172",
        });
        var direct = await factory.WithUseCaseAsync<CreateAccount, Result<CreateAccount.Created>>(create =>
            create.HandleAsync(new(userName, name, Roles.WindowClerk, "LS-JKQ", "540172", null, Actor.System)));

        AssertRefusedAtTheField(await response.Content.ReadAsStringAsync(), expected);
        Assert.Contains(expected, direct.Refusal!.Errors!["displayName"][0], StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData("次仁\u202E拉姆", "改变文字方向")]
    [InlineData("次仁\u0007拉姆", "控制字符")]
    public async Task Renaming_an_account_to_a_name_holding_a_direction_override_or_a_control_character_is_refused_and_the_name_stays(string name, string expected)
    {
        var userName = "text-edit-" + (name.Contains('\u202E', StringComparison.Ordinal) ? "bidi" : "bell");
        var opened = await factory.WithUseCaseAsync<CreateAccount, Result<CreateAccount.Created>>(create =>
            create.HandleAsync(new(userName, "次仁", Roles.WindowClerk, "LS-JKQ", "540172", null, Actor.System)));
        Assert.True(opened.IsSuccess);
        var admin = await factory.CookieClientAsync(Roles.Administrator);
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await ZhengzhaoFactory.PostFormAsync(admin, $"/Admin/Accounts/Edit?userName={userName}", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Role"] = Roles.WindowClerk,
            ["Input.DepartmentCode"] = "LS-JKQ",
            ["Input.RegionCode"] = "540172",
        });
        var direct = await factory.WithUseCaseAsync<EditAccount, Result<User>>(edit =>
            edit.HandleAsync(new(userName, name, Roles.WindowClerk, "LS-JKQ", "540172", false, Actor.System)));

        AssertRefusedAtTheField(await response.Content.ReadAsStringAsync(), expected);
        Assert.Contains(expected, direct.Refusal!.Errors!["displayName"][0], StringComparison.Ordinal);
        Assert.Equal("次仁", await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync()));
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>The message stands under the name's input, and the name comes back without the invisible character.</summary>
    private static void AssertRefusedAtTheField(string page, string expected)
    {
        var message = Regex.Match(page, "data-testid=\"field-error-displayName\"[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Contains("姓名或单位名称", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains("value=\"次仁拉姆\"", page, StringComparison.Ordinal);
    }
}
