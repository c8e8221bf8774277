using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;

namespace Zhengzhao.Tests.Persistence;

/// <summary>
/// A change to an entity that records a legal or business fact is saved only with its audit entry: the context
/// refuses the save otherwise, so no use case can forget the entry.
/// </summary>
public sealed class AuditedEntityTests : IDisposable
{
    /// <summary>
    /// Every entity of the model, by whether it is audited. A new entity fails this test until it is placed in one of
    /// the two lists, so the decision is made, and reviewed, when the entity is written.
    /// </summary>
    private static readonly string[] Audited =
    [
        "AbnormalListing", "AnnualReport", "Application", "Booking", "CalendarDay", "CalendarYear", "CommitmentBreach",
        "CreditRepair", "Department", "DisciplineRule", "Enterprise", "EnterpriseChange", "ItemVersion",
        "LicensingItem", "MaterialFile", "MaterialUpload", "NotificationLetter", "Penalty", "Permit", "Push", "PushCopy",
        "Region", "Rollout", "SeriousListing", "ServiceHall", "Slot", "Verification", "WebhookEndpoint",
    ];

    private static readonly string[] NotAudited =
    [
        "AuditEntry", // the audit itself
        "AuditCheckpointClaim", // a lease: who writes today's checkpoint
        "DeadlineWarningSent", // a sent-once key for deadline warnings
        "CreditEntry", // gathered from the source rows, which are audited
        "DataProtectionKey", // key material the framework keeps
        "ImportRun", // an import's progress and error report; the import is recorded when it starts
        "LicensingEvent", // the after-the-fact record other modules read, written beside an audited change
        "Message", "MessageDispatch", "OutboundMessage", // mailbox and outboxes
        "NameGram", "NameTrigram", // name index postings
        "NumberSequence", // a counter
        "SignInAttempt", // a sign-in counter
        // Accounts are written by ASP.NET Core Identity's stores, which save on every call; the account use cases
        // record each change in the save beside it.
        "User", "IdentityRole", "IdentityRoleClaim<string>", "IdentityUserClaim<string>", "IdentityUserLogin<string>",
        "IdentityUserRole<string>", "IdentityUserToken<string>",
    ];

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly ServiceProvider services = new ServiceCollection()
        .AddSingleton(new AuditKeyRing(new Dictionary<string, byte[]> { ["test"] = new byte[AuditKeyRing.MinKeyBytes] }, "test"))
        .BuildServiceProvider();

    public AuditedEntityTests()
    {
        connection.Open();
        using var db = Open();
        db.Database.Migrate();
    }

    public void Dispose()
    {
        services.Dispose();
        connection.Dispose();
    }

    [Fact]
    public void Every_entity_is_decided_audited_or_not()
    {
        using var db = Open();
        var entities = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList();

        Assert.Equal(Audited.Order(StringComparer.Ordinal), entities.Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType)).Select(e => e.DisplayName()).Order(StringComparer.Ordinal));
        Assert.Equal(NotAudited.Order(StringComparer.Ordinal), entities.Where(e => !typeof(IAudited).IsAssignableFrom(e.ClrType)).Select(e => e.DisplayName()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Saving_an_audited_entity_without_an_audit_entry_throws_and_names_it()
    {
        await using var db = Open();
        db.Regions.Add(new Region("549901", "测试区", RegionLevel.County, null));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("Region", thrown.Message, StringComparison.Ordinal);
        await using var fresh = Open();
        Assert.False(await fresh.Regions.AnyAsync(r => r.Code == "549901"));
    }

    [Fact]
    public async Task Changing_an_audited_entity_without_an_audit_entry_throws()
    {
        await using (var seeding = Open())
        {
            seeding.Regions.Add(new Region("549902", "测试区", RegionLevel.County, null));
            seeding.Record(Actor.System, TimeProvider.System, "test.region-added", nameof(Region), "549902", "测试区");
            await seeding.SaveChangesAsync();
        }

        await using var db = Open();
        (await db.Regions.SingleAsync(r => r.Code == "549902")).Edit("改名区", isPilotZone: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }

    [Fact]
    public async Task An_audited_entity_saves_with_its_audit_entry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        await using (var db = Open())
        {
            db.Regions.Add(new Region("549903", "测试区", RegionLevel.County, null));
            db.Record(Actor.System, time, "test.region-added", nameof(Region), "549903", "测试区");
            await db.SaveChangesAsync();
        }

        await using var fresh = Open();
        Assert.Equal("测试区", (await fresh.Regions.SingleAsync(r => r.Code == "549903")).Name);
        Assert.Equal("549903", (await fresh.AuditEntries.SingleAsync(e => e.Action == "test.region-added")).EntityId);
    }

    [Fact]
    public async Task An_entity_that_records_no_fact_saves_without_an_audit_entry()
    {
        await using (var db = Open())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key />" });
            await db.SaveChangesAsync();
        }

        await using var fresh = Open();
        Assert.True(await fresh.DataProtectionKeys.AnyAsync(k => k.FriendlyName == "key-1"));
        Assert.False(await fresh.AuditEntries.AnyAsync());
    }

    private SqliteZhengzhaoDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteZhengzhaoDbContext>().UseSqlite(connection).UseApplicationServiceProvider(services).Options);
}
