using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Coordination;
using Zhengzhao.Coordination.Webhooks;
using Zhengzhao.Identity;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Appointments;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Persistence;

/// <summary>
/// The one unit of work. Use cases take it directly (no repositories). Saving seals any new audit entries into
/// the hash chain inside the same transaction as the change they record, and refuses a change to an
/// <see cref="IAudited"/> entity that no new entry records.
/// </summary>
public abstract class ZhengzhaoDbContext : IdentityDbContext<User>, IDataProtectionKeyContext
{
    protected ZhengzhaoDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditCheckpointClaim> AuditCheckpointClaims => Set<AuditCheckpointClaim>();

    public DbSet<LicensingItem> LicensingItems => Set<LicensingItem>();

    public DbSet<ItemVersion> ItemVersions => Set<ItemVersion>();

    public DbSet<Rollout> Rollouts => Set<Rollout>();

    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<EnterpriseChange> EnterpriseChanges => Set<EnterpriseChange>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<NameGram> NameGrams => Set<NameGram>();

    public DbSet<NameTrigram> NameTrigrams => Set<NameTrigram>();

    public DbSet<Push> Pushes => Set<Push>();

    public DbSet<PushCopy> PushCopies => Set<PushCopy>();

    public DbSet<NotificationLetter> NotificationLetters => Set<NotificationLetter>();

    public DbSet<Licensing.Application> Applications => Set<Licensing.Application>();

    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    public DbSet<Licensing.MaterialUpload> MaterialUploads => Set<Licensing.MaterialUpload>();

    public DbSet<Credit.CommitmentBreach> CommitmentBreaches => Set<Credit.CommitmentBreach>();

    public DbSet<Credit.CreditEntry> CreditEntries => Set<Credit.CreditEntry>();

    public DbSet<Credit.Penalty> Penalties => Set<Credit.Penalty>();

    public DbSet<Credit.AbnormalListing> AbnormalListings => Set<Credit.AbnormalListing>();

    public DbSet<Credit.SeriousListing> SeriousListings => Set<Credit.SeriousListing>();

    public DbSet<Credit.DisciplineRule> DisciplineRules => Set<Credit.DisciplineRule>();

    public DbSet<Credit.CreditRepair> CreditRepairs => Set<Credit.CreditRepair>();

    public DbSet<Credit.AnnualReport> AnnualReports => Set<Credit.AnnualReport>();

    public DbSet<ServiceHall> ServiceHalls => Set<ServiceHall>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<Booking> Bookings => Set<Booking>();

    public DbSet<Permit> Permits => Set<Permit>();

    public DbSet<LicensingEvent> LicensingEvents => Set<LicensingEvent>();

    public DbSet<Licensing.Verifications.Verification> Verifications => Set<Licensing.Verifications.Verification>();

    public DbSet<Notifications.DeadlineWarningSent> DeadlineWarnings => Set<Notifications.DeadlineWarningSent>();

    public DbSet<Notifications.Message> Messages => Set<Notifications.Message>();

    public DbSet<Notifications.MessageDispatch> MessageDispatches => Set<Notifications.MessageDispatch>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (PendingAuditEntries().Count > 0)
        {
            throw new InvalidOperationException("Audit entries are sealed asynchronously: call SaveChangesAsync.");
        }

        RefuseUnauditedChanges();

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = PendingAuditEntries();
        if (pending.Count == 0)
        {
            RefuseUnauditedChanges();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await SealAsync(pending, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Two writers may read the same tail; the unique sequence lets only one of them append, and the other retries.
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var tail = await SealAsync(pending, cancellationToken);
            try
            {
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return written;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                await transaction.RollbackAsync(cancellationToken);
                var now = await AuditEntries.AsNoTracking().MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
                if (now == tail)
                {
                    throw;
                }
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ZhengzhaoDbContext).Assembly, t => t.Namespace?.StartsWith("Zhengzhao.", StringComparison.Ordinal) == true);
    }

    private List<AuditEntry> PendingAuditEntries() =>
        ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();

    /// <summary>
    /// A change to an audited entity saved with no audit entry is a use case that forgot <c>db.Record(...)</c>: a bug,
    /// so it throws rather than refuses, and names the entity so the fix is found at once.
    /// </summary>
    private void RefuseUnauditedChanges()
    {
        var unaudited = ChangeTracker.Entries().FirstOrDefault(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata));
        if (unaudited is not null)
        {
            throw new InvalidOperationException(
                $"{unaudited.Metadata.DisplayName()} ({unaudited.State}) is an audited entity, and this save adds no audit entry: record the change with db.Record(...) in the same unit of work.");
        }
    }

    /// <summary>An owned part (an application's ledger line) is audited with its owner.</summary>
    private static bool IsAudited(IReadOnlyEntityType type) =>
        type.FindOwnership() is { } ownership ? IsAudited(ownership.PrincipalEntityType) : typeof(IAudited).IsAssignableFrom(type.ClrType);

    private async Task<long> SealAsync(List<AuditEntry> pending, CancellationToken cancellationToken)
    {
        // On PostgreSQL, appends take turns (a transaction-scoped advisory lock), so a use case that runs in its own
        // transaction and cannot retry never loses the race for the tail. SQLite serialises writers by itself.
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", cancellationToken);
        }

        var tail = await AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = tail?.Sequence ?? 0;
        var previous = tail?.Hash ?? AuditChain.Genesis;

        // The key is held outside the database (ADR 28), by the application: the pooled context asks for it.
        var keys = this.GetService<AuditKeyRing>();
        foreach (var entry in pending)
        {
            entry.Seal(++sequence, previous, keys);
            previous = entry.Hash;
        }

        return tail?.Sequence ?? 0;
    }
}

/// <summary>The SQLite flavour: its own migrations, under Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteZhengzhaoDbContext(DbContextOptions<SqliteZhengzhaoDbContext> options) : ZhengzhaoDbContext(options);

/// <summary>The PostgreSQL flavour: its own migrations, under Persistence/Migrations/Postgres.</summary>
public sealed class PostgresZhengzhaoDbContext(DbContextOptions<PostgresZhengzhaoDbContext> options) : ZhengzhaoDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        NameIndexByteOrder.Apply(builder);
    }
}
