using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Coordination;
using Zhengzhao.Identity;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Web.Hosting;

/// <summary>The demo accounts created by this start, with their one-time passwords; empty when none were created.</summary>
public sealed class DemoCredentials
{
    public IReadOnlyList<CreateAccount.Created> Accounts { get; internal set; } = [];
}

public static partial class DatabaseStartup
{
    /// <summary>Migrates the database, loads the reference data, and creates the accounts configuration asks for.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ZhengzhaoDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var settings = services.GetRequiredService<DatabaseSettings>();

        await DatabaseMigrator.MigrateAsync(db, settings, cancellationToken);
        LogMigrated(logger, settings.Provider);
        await ReferenceDataSeeder.SeedAsync(db, time, cancellationToken);
        await CalendarSeeder.SeedAsync(db, time, cancellationToken);
        await CatalogSeeder.SeedAsync(db, time, includeDemo: app.Configuration.GetValue<bool>("Seed:Demo"), cancellationToken);
        await AccountSeeder.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());

        var administrator = await AccountSeeder.EnsureAdministratorAsync(services, services.GetRequiredService<IOptions<BootstrapAdministrator>>().Value, cancellationToken);
        if (administrator is { IsSuccess: false } failed)
        {
            throw new InvalidOperationException($"Bootstrap:Administrator could not be created: {failed.Refusal!.Detail}");
        }

        if (app.Configuration.GetValue<bool>("Seed:Demo"))
        {
            await DemoEnterprises.SeedAsync(services.GetRequiredService<RecordRegistration>(), db, cancellationToken);
            foreach (var code in DemoEnterprises.Codes)
            {
                await services.GetRequiredService<PushToDepartments>().HandleAsync(new(code, "demo-" + code, Actor.System), cancellationToken);
            }

            // A few thousand companies so the register looks alive; off in the tests, which do not need them.
            if (app.Configuration.GetValue<bool>("Demo:BulkCompanies") && await DemoCompanies.SeedAsync(services.GetRequiredService<ImportCompanies>(), db, cancellationToken) is { } imported)
            {
                if (!imported.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo companies: {imported.Refusal!.Detail}");
                }

                LogDemoCompanies(logger, imported.Value!.Imported, imported.Value.Rejected);
            }

            await DemoHalls.SeedAsync(services.GetRequiredService<ManageHalls>(), services.GetRequiredService<PublishSlots>(), services.GetRequiredService<CalendarCache>(), db, time, cancellationToken);
            var created = await AccountSeeder.EnsureDemoAccountsAsync(services, cancellationToken);
            app.Services.GetRequiredService<DemoCredentials>().Accounts = created;
            if (created.Count > 0)
            {
                // Shown once, on the console of whoever started the platform; the passwords must be changed at first sign-in.
                var text = new StringBuilder("\n演示账户（一次性密码，仅显示这一次，首次登录须修改）/ Demo accounts, one-time passwords shown once:\n");
                foreach (var account in created)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {Roles.Name(account.Role),-10} {account.UserName,-24} {account.OneTimePassword}\n");
                }

                await Console.Out.WriteLineAsync(text, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready on {Provider}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo companies imported: {Imported}, rejected: {Rejected}")]
    private static partial void LogDemoCompanies(ILogger logger, int imported, int rejected);
}
