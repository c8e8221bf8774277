using Microsoft.Extensions.Configuration;
using Zhengzhao.Persistence;

namespace Zhengzhao.Tests;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings Read(params (string Key, string Value)[] settings) =>
        DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), "/srv/zhengzhao");

    [Fact]
    public void With_nothing_configured_SQLite_uses_a_file_in_the_data_folder()
    {
        var settings = Read();

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/srv/zhengzhao/data/zhengzhao.db", settings.ConnectionString);
    }

    [Fact]
    public void A_relative_SQLite_path_is_taken_from_the_content_root()
    {
        var settings = Read(("ConnectionStrings:Zhengzhao", "Data Source=store/app.db"));

        Assert.Equal("Data Source=/srv/zhengzhao/store/app.db", settings.ConnectionString);
    }

    [Fact]
    public void The_provider_name_is_case_insensitive_and_PostgreSQL_needs_a_connection_string()
    {
        var settings = Read(("Database:Provider", "postgres"), ("ConnectionStrings:Zhengzhao", "Host=db;Database=zz"));

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db;Database=zz", settings.ConnectionString);
        Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", "Postgres")));
    }

    [Fact]
    public void An_unknown_provider_stops_the_start_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", "Oracle")));

        Assert.Contains("Oracle", error.Message, StringComparison.Ordinal);
    }
}
