using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Licensing;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// Gathers the credit record from what the other modules publish: the register's history (registrations, changes,
/// deregistrations; not the rows of a bulk import, which registered nothing) and the licensing events (filings,
/// permits and their changes, renewals, revocations, cancellations, false commitments). Each source row becomes one
/// entry, once: a unique index on (source, source id) settles two instances gathering the same row, and a row already
/// gathered is skipped by the query. These entries count as published the day their change happened, which is when
/// the register or the permit showed it; the collector's own lag is the platform's, not a department's.
/// </summary>
public sealed class CollectCreditEntries(ZhengzhaoDbContext db, CalendarCache calendars) : IUseCase
{
    public const int BatchSize = 1000;

    /// <summary>The register's entries that are events of the company itself.</summary>
    private static readonly string[] RegistryKinds = ["设立登记", "变更登记", "注销登记"];

    /// <summary>
    /// Gathers the source rows recorded since <paramref name="since"/> (all, when null) until none is left; returns how
    /// many entries it added. A batch another instance gathered first is dropped and the query asked again.
    /// </summary>
    public async Task<int> RunAsync(DateTime? since = null, CancellationToken cancellationToken = default)
    {
        var from = since ?? DateTime.MinValue;
        var added = 0;
        while (true)
        {
            var registry = await RegistryAsync(from, cancellationToken);
            var licensing = await LicensingAsync(from, cancellationToken);
            if (registry is null && licensing is null)
            {
                return added;
            }

            added += (registry ?? 0) + (licensing ?? 0);
        }
    }

    /// <summary>The entries one batch added; null when there was nothing left to gather.</summary>
    private async Task<int?> RegistryAsync(DateTime from, CancellationToken cancellationToken)
    {
        var rows = await db.RegisterChanges()
            .Where(c => c.At >= from && RegistryKinds.Contains(c.Kind) && !db.CreditEntries.Any(e => e.Source == CreditSource.Registry && e.SourceId == c.Id))
            .OrderBy(c => c.Id)
            .Take(BatchSize)
            .Join(db.RegisteredEnterprises(), c => c.Uscc, e => e.Uscc, (c, e) => new { Change = c, e.RegisteringAuthority, e.RegionCode })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        foreach (var row in rows)
        {
            var c = row.Change;
            var kind = c.Kind switch
            {
                "设立登记" => CreditEntryKind.Registration,
                "注销登记" => CreditEntryKind.Deregistration,
                _ => CreditEntryKind.RegistrationChange,
            };
            var arisen = DateOnly.FromDateTime(ChinaTime.ToChina(c.At).DateTime);
            db.CreditEntries.Add(new CreditEntry(c.Uscc, kind, CreditPublicity.Name(kind), c.Summary, authority: row.RegisteringAuthority, departmentCode: null, arisenOn: arisen, publishDueOn: CreditPublicity.DueOn(calendar, arisen, row.RegionCode), publishedOn: arisen, CreditSource.Registry, c.Id));
        }

        return await SaveAsync(rows.Count, cancellationToken);
    }

    private async Task<int?> LicensingAsync(DateTime from, CancellationToken cancellationToken)
    {
        var rows = await db.PublishedLicensingEvents()
            .Where(v => v.OccurredAt >= from && !db.CreditEntries.Any(e => e.Source == CreditSource.Licensing && e.SourceId == v.Id))
            .OrderBy(v => v.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var usccs = rows.Select(r => r.Uscc).Distinct().ToList();
        var regions = await db.RegisteredEnterprises().Where(e => usccs.Contains(e.Uscc)).ToDictionaryAsync(e => e.Uscc, e => e.RegionCode, cancellationToken);
        foreach (var row in rows)
        {
            var (kind, title, detail, departmentCode) = Describe(row);
            var arisen = DateOnly.FromDateTime(ChinaTime.ToChina(row.OccurredAt).DateTime);
            var due = CreditPublicity.DueOn(calendar, arisen, regions.GetValueOrDefault(row.Uscc) ?? string.Empty);
            db.CreditEntries.Add(new CreditEntry(row.Uscc, kind, title, detail, authority: departments.GetValueOrDefault(departmentCode, departmentCode), departmentCode, arisenOn: arisen, publishDueOn: due, publishedOn: arisen, CreditSource.Licensing, row.Id));
        }

        return await SaveAsync(rows.Count, cancellationToken);
    }

    /// <summary>What the public reads of a licensing event, from the permit as the event carries it.</summary>
    private static (CreditEntryKind Kind, string Title, string Detail, string DepartmentCode) Describe(PublishedLicensingEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        var p = payload.RootElement;
        string Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        var filing = Text("kind") == nameof(PermitKind.FilingReceipt);
        var item = Text("itemName");
        var validTo = Text("validTo") is { Length: > 0 } to ? to : "长期";
        var ending = p.TryGetProperty("ending", out var end) && end.ValueKind == JsonValueKind.Object && end.TryGetProperty("reason", out var reason) ? reason.GetString() : null;
        var kind = e.Type switch
        {
            LicensingEvent.PermitIssued => filing ? CreditEntryKind.Filing : CreditEntryKind.Permit,
            LicensingEvent.PermitChanged => CreditEntryKind.PermitChange,
            LicensingEvent.PermitRenewed => CreditEntryKind.PermitRenewal,
            LicensingEvent.PermitRevoked => CreditEntryKind.PermitRevocation,
            LicensingEvent.PermitCancelled => CreditEntryKind.PermitCancellation,
            _ => CreditEntryKind.CommitmentBreach,
        };
        var detail = kind switch
        {
            CreditEntryKind.PermitRevocation or CreditEntryKind.PermitCancellation => $"{(filing ? "备案凭证" : "许可证")} {e.PermitNumber}：{ending ?? CreditPublicity.Name(kind)}",
            CreditEntryKind.CommitmentBreach => $"申请“{item}”时作出的告知承诺经核查不实，许可证 {e.PermitNumber} 已撤销。",
            _ => $"{(filing ? "备案凭证" : "许可证")} {e.PermitNumber}，许可范围：{Text("scope")}，有效期 {Text("validFrom")} 至 {validTo}",
        };
        return (kind, $"{CreditPublicity.Name(kind)}：{item}", detail, Text("departmentCode"));
    }

    private async Task<int> SaveAsync(int count, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return count;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance gathered some of these first: the batch is dropped and the query, asked again, skips them.
            // Any other failure fails the pass, which the service logs and retries.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}

/// <summary>
/// Gathers the credit record every half minute on every instance. After a pass that completed, the next looks back
/// an hour only; a failed pass moves nothing on, so the next one looks back as far.
/// </summary>
public sealed class CreditCollectorService(IServiceScopeFactory scopes, TimeProvider time, ILogger<CreditCollectorService> logger) : PeriodicService(scopes, time, logger)
{
    private DateTime? _since;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // A row committed late (a long transaction, a skewed clock) is still well inside the hour looked back over.
        var started = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-1);
        await services.GetRequiredService<CollectCreditEntries>().RunAsync(_since, cancellationToken);
        _since = started;
    }
}
