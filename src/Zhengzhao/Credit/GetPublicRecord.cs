using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// A company's credit record as the public reads it (企业信用信息公示): the register's public facts and the record by
/// the portal's tabs. Nothing personal beyond the legal representative's name, which the licence itself shows: no
/// identity or phone numbers, and penalties only while they are still published.
/// </summary>
public sealed class GetPublicRecord(ZhengzhaoDbContext db, GetCreditRecord record, TimeProvider time) : IUseCase
{
    /// <summary>The portal's tabs, in order; 基础信息 also carries the register's history and the annual reports.</summary>
    public static readonly IReadOnlyList<string> Tabs = ["基础信息", "行政许可", "行政处罚", "经营异常名录", "严重违法失信名单", "抽查检查结果", "告知承诺履约"];

    /// <summary>The register's public facts as the portal words them: type and status by name, the region by name.</summary>
    public sealed record Basics
    {
        public required string Uscc { get; init; }

        public required string Name { get; init; }

        public required string Type { get; init; }

        public required string Status { get; init; }

        public required string LegalRepresentative { get; init; }

        public required string Region { get; init; }

        public required DateOnly EstablishedOn { get; init; }

        public required string RegisteringAuthority { get; init; }

        public required string Address { get; init; }

        public required string BusinessScope { get; init; }
    }

    public sealed record PublicRecord(Basics Company, IReadOnlyDictionary<string, IReadOnlyList<CreditEntry>> Sections, IReadOnlyList<GetCreditRecord.YearReport> AnnualReports);

    public async Task<Result<PublicRecord>> HandleAsync(string? code, CancellationToken cancellationToken = default)
    {
        var found = await record.HandleAsync(code, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Refusal;
        }

        var staffRecord = found.Value;
        var basics = (await BasicsAsync(db, [staffRecord.Uscc], cancellationToken))[0];
        var today = ChinaTime.Today(time);
        var penalties = staffRecord.Entries.Where(e => e.Source == CreditSource.Penalty).Select(e => e.SourceId).ToList();
        var stillPublished = (await db.Penalties.AsNoTracking().Where(p => penalties.Contains(p.Id)).ToListAsync(cancellationToken))
            .Where(p => today < p.PublicUntil).Select(p => p.Id).ToHashSet();

        // A penalty no longer published is gone from the public record, with the note that ended it.
        var shown = staffRecord.Entries.Where(e => e.Source != CreditSource.Penalty || stillPublished.Contains(e.SourceId)).Where(e => e.Kind != CreditEntryKind.PenaltyPublicityEnded);
        var sections = Tabs.ToDictionary(t => t, t => (IReadOnlyList<CreditEntry>)[.. shown.Where(e => Tab(e.Kind) == t)]);
        return new PublicRecord(basics, sections, staffRecord.AnnualReports);
    }

    /// <summary>The register's public facts of the enterprises with these codes, in code order, as the portal shows them.</summary>
    internal static async Task<IReadOnlyList<Basics>> BasicsAsync(ZhengzhaoDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var rows = await db.RegisteredEnterprises().Where(e => codes.Contains(e.Uscc))
            .Join(db.Regions, e => e.RegionCode, r => r.Code, (e, r) => new { e.Uscc, e.Name, e.Type, e.Status, e.LegalRepresentative, Region = r.Name, e.EstablishedOn, e.RegisteringAuthority, e.Address, e.BusinessScope })
            .OrderBy(e => e.Uscc)
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(e => new Basics
            {
                Uscc = e.Uscc,
                Name = e.Name,
                Type = EnterpriseTypes.Name(e.Type),
                Status = EnterpriseStatuses.Name(e.Status),
                LegalRepresentative = e.LegalRepresentative,
                Region = e.Region,
                EstablishedOn = e.EstablishedOn,
                RegisteringAuthority = e.RegisteringAuthority,
                Address = e.Address,
                BusinessScope = e.BusinessScope,
            }),
        ];
    }

    /// <summary>The tab an entry is shown under: the record's section, with the register's and the annual reports under 基础信息.</summary>
    public static string Tab(CreditEntryKind kind) => CreditPublicity.Section(kind) switch
    {
        "登记信息" or "年度报告" => "基础信息",
        var section => section,
    };
}
