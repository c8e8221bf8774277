using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Platform;

public sealed class PlatformTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Readiness_checks_the_database()
    {
        var ready = await factory.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await factory.Anonymous().GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_and_openapi_document_are_served_by_the_app()
    {
        var client = factory.Anonymous();

        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var docs = await client.GetStringAsync("/api/docs/");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/calendar/{date}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/uscc/{code}", out _));
        Assert.DoesNotContain("cdn.", docs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", docs.Replace("https://scalar.com", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_and_logo_are_served_by_the_app()
    {
        var client = factory.Anonymous();
        var home = await client.GetStringAsync("/");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site[^\"]*\\.css)\"").Groups[1].Value;

        var css = await client.GetAsync(stylesheet);
        var logo = await client.GetAsync("/img/logo.svg");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
    }

    [Fact]
    public async Task A_missing_page_is_a_Chinese_404_page()
    {
        var response = await factory.Anonymous().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_data_is_loaded_with_the_pilot_zone_and_the_notice_departments()
    {
        var (regions, pilot, departments) = await factory.WithDbAsync(async db => (
            await db.Regions.CountAsync(),
            await db.Regions.SingleAsync(r => r.IsPilotZone),
            await db.Departments.Select(d => d.Name).ToListAsync()));

        Assert.Equal(86, regions);
        Assert.Equal("540172", pilot.Code);
        Assert.Equal("540100", pilot.ParentCode);
        Assert.Equal(8, await factory.WithDbAsync(db => db.Regions.CountAsync(r => r.Level != RegionLevel.County)));
        foreach (var named in new[] { "区政府推进职能转变协调小组办公室", "区编办（审改办）", "工商局", "法制办", "人力资源社会保障厅", "新闻出版广电局", "住房城乡建设厅", "食品药品监管局", "商务厅", "安全监管局", "交通运输厅", "政府督查室", "拉萨国家级经济技术开发区管委会" })
        {
            Assert.Contains(named, departments);
        }
    }

    [Fact]
    public async Task The_store_is_set_up_as_the_provider_needs()
    {
        // SQLite in WAL mode, so readers go on while one writer writes; PostgreSQL with a UTF-8 ctype, so that
        // character classes know Chinese characters.
        var (query, expected) = factory.Provider == DatabaseProvider.Sqlite
            ? ("PRAGMA journal_mode;", "wal")
            : ("SELECT datctype FROM pg_database WHERE datname = current_database();", "C.UTF-8");
        Assert.Equal(expected, await ScalarAsync(query));
    }

    [Fact]
    public async Task The_name_index_compares_characters_and_codes_byte_by_byte()
    {
        // Byte order is code point order for UTF-8, so it is the order people see; on PostgreSQL, C.UTF-8 would compare
        // each key through the C library instead (ADR 24).
        var (query, expected) = factory.Provider == DatabaseProvider.Sqlite
            ? ("""
               SELECT group_concat(DISTINCT coll) FROM (
                   SELECT coll FROM pragma_index_xinfo('sqlite_autoindex_NameGrams_1') WHERE key
                   UNION ALL SELECT coll FROM pragma_index_xinfo('sqlite_autoindex_NameTrigrams_1') WHERE key);
               """, "BINARY")
            : ("""
               SELECT string_agg(DISTINCT coalesce(collation_name, 'default'), ',') FROM information_schema.columns
               WHERE table_name IN ('NameGrams', 'NameTrigrams') AND column_name IN ('Gram', 'Uscc');
               """, "C");

        Assert.Equal(expected, await ScalarAsync(query));
    }

    private Task<string> ScalarAsync(string query) => factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return (string)(await command.ExecuteScalarAsync())!;
    });

    [Fact]
    public async Task A_restart_keeps_edits_and_does_not_seed_twice()
    {
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "system"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
            await ReferenceDataSeeder.SeedAsync(db, TimeProvider.System);
            await Zhengzhao.Calendar.CalendarSeeder.SeedAsync(db, TimeProvider.System);
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Actor == "system")));
    }
}
