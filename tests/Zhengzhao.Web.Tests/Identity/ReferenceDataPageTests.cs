using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Identity;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Tests.Infrastructure;
using CalendarDayResponse = Zhengzhao.Web.Api.CalendarEndpoints.CalendarDayResponse;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>The administrator keeps regions, departments and the calendar from pages; bad input is refused in Chinese.</summary>
public sealed class ReferenceDataPageTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task A_department_is_added_renamed_and_retired()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);

        var added = await ZhengzhaoFactory.PostFormAsync(client, "/Admin/Departments/Edit", new()
        {
            ["IsNew"] = "true",
            ["Code"] = "xz-wwj",
            ["Name"] = "文物局",
            ["ShortName"] = "文物局",
            ["RegionCode"] = "540000",
            ["IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var renamed = await ZhengzhaoFactory.PostFormAsync(
            client,
            "/Admin/Departments/Edit",
            new() { ["IsNew"] = "false", ["Code"] = "XZ-WWJ", ["Name"] = "文物保护局", ["RegionCode"] = "540000", ["IsActive"] = "false" },
            formPage: "/Admin/Departments/Edit?code=XZ-WWJ");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var department = await factory.WithDbAsync(db => db.Departments.SingleAsync(d => d.Code == "XZ-WWJ"));
        Assert.Equal("文物保护局", department.Name);
        Assert.False(department.IsActive);
        Assert.Contains("文物保护局", await client.GetStringAsync("/Admin/Departments"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("工商局", "XZ-NEW1", "已有名为“工商局”的部门")]
    [InlineData("新部门", "bad code!", "部门代码应为")]
    [InlineData("", "XZ-NEW2", "请填写部门名称")]
    public async Task A_bad_department_is_refused_and_nothing_is_written(string name, string code, string reason)
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);
        var before = await factory.WithDbAsync(db => db.Departments.CountAsync());

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Admin/Departments/Edit", new()
        {
            ["IsNew"] = "true",
            ["Code"] = code,
            ["Name"] = name,
            ["RegionCode"] = "540000",
            ["IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Departments.CountAsync()));
    }

    [Fact]
    public async Task A_region_is_renamed_and_marked_as_a_pilot_zone()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Admin/Regions", new() { ["code"] = "540173", ["name"] = "西藏文化旅游创意园区", ["isPilotZone"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Regions.Where(r => r.Code == "540173").Select(r => r.IsPilotZone).SingleAsync()));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Region) && e.EntityId == "540173"));
        Assert.Equal("demo-administrator", audit.Actor);
    }

    [Fact]
    public async Task A_holiday_year_is_imported_from_an_uploaded_file()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);
        var json = """{"year":2028,"papers":["测试"],"days":[{"name":"元旦","date":"2028-01-01","isOffDay":true},{"name":"春节","date":"2028-01-29","isOffDay":false}]}""";

        var response = await PostNoticeAsync(client, "000000", json);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已导入 2028 年公告，共 2 天", page, StringComparison.Ordinal);
        var day = await (await factory.Anonymous().GetAsync("/api/v1/calendar/2028-01-29")).ReadAsAsync<CalendarDayResponse>();
        Assert.True(day.IsWorkday);
    }

    [Theory]
    [InlineData("{ this is not json", "不是有效的 JSON")]
    [InlineData("""{"year":2029,"days":[{"name":"元旦","date":"2029-01-32","isOffDay":true}]}""", "不是 yyyy-MM-dd 格式的有效日期")]
    public async Task A_broken_holiday_file_is_refused_with_the_reason(string content, string reason)
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);

        var response = await PostNoticeAsync(client, "540000", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_day_with_a_malformed_date_is_refused_on_the_page()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);

        var response = await ZhengzhaoFactory.PostFormAsync(client, "/Admin/Calendar?handler=SaveDay", new() { ["layer"] = "540000", ["date"] = "2026-02-30", ["name"] = "x", ["isOffDay"] = "true" }, formPage: "/Admin/Calendar");

        Assert.Contains("日期 应为 yyyy-MM-dd 格式的有效日期", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_or_unfit_name_is_refused_on_the_reference_data_pages_with_its_maximum_and_nothing_is_written()
    {
        var client = await factory.CookieClientAsync(Roles.Administrator);
        var longName = new string('长', 100_000);
        (string Path, string? FormPage, Dictionary<string, string> Fields, string Reason)[] rows =
        [
            ("/Admin/Departments/Edit", null, new() { ["IsNew"] = "true", ["Code"] = "XZ-LONG", ["Name"] = longName, ["RegionCode"] = "540000", ["IsActive"] = "true" }, "部门名称不超过100字（现为100000字）"),
            ("/Admin/Departments/Edit", null, new() { ["IsNew"] = "true", ["Code"] = "XZ-ESC", ["Name"] = "文物局\u001B[2J", ["RegionCode"] = "540000", ["IsActive"] = "true" }, "部门名称应为一行文字"),
            ("/Admin/Departments/Edit", null, new() { ["IsNew"] = "true", ["Code"] = "XZ-SHORT", ["Name"] = "文物局", ["ShortName"] = longName, ["RegionCode"] = "540000", ["IsActive"] = "true" }, "部门简称不超过50字"),
            ("/Admin/Regions", null, new() { ["code"] = "540173", ["name"] = longName, ["isPilotZone"] = "true" }, "区划名称不超过50字"),
            ("/Admin/Calendar?handler=SaveDay", "/Admin/Calendar", new() { ["layer"] = "540000", ["date"] = "2026-03-02", ["name"] = longName, ["isOffDay"] = "true" }, "节假日或调休的名称不超过50字"),
            ("/Admin/Calendar?handler=SaveDay", "/Admin/Calendar", new() { ["layer"] = "540000", ["date"] = "2026-03-02", ["name"] = "雪顿节\n补休", ["isOffDay"] = "true" }, "应为一行文字"),
        ];

        foreach (var (path, formPage, fields, reason) in rows)
        {
            var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

            var response = await ZhengzhaoFactory.PostFormAsync(client, path, fields, formPage);
            var page = await response.Content.ReadAsStringAsync();

            Assert.True(page.Contains(reason, StringComparison.Ordinal), $"{path}: {(int)response.StatusCode}, the page does not say {reason}");
            Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        }
    }

    private static async Task<HttpResponseMessage> PostNoticeAsync(HttpClient client, string layer, string json)
    {
        var page = await client.GetStringAsync("/Admin/Calendar?layer=" + layer);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(layer), "layer" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "notice", "notice.json");
        return await client.PostAsync("/Admin/Calendar?handler=Import", form);
    }
}
