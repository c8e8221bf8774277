using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>A restriction in force, with the rule that imposes it and the reason to tell the company.</summary>
public sealed record Bar(DisciplineRule Rule, string Reason);

/// <summary>
/// The one place departments ask whether a company is restricted (DESIGN §2, Credit): every screen and use case
/// calls this, none keeps its own list. It reads the rule table (<see cref="DisciplineRule"/>), asks each condition
/// once, and answers with every rule in force that the company meets.
/// </summary>
public sealed partial class JointDiscipline(ZhengzhaoDbContext db, IDataProtectionProvider protection, ILogger<JointDiscipline> logger, TimeProvider time) : IUseCase, IRepresentativeBar
{
    /// <summary>Every rule that restricts the company now, in the given respect or (null) in any, each with its reason.</summary>
    public async Task<IReadOnlyList<Bar>> BarsAsync(string uscc, Restriction? restriction, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        var (serious, abnormal, breaches) = (Serious(uscc, today), Abnormal(uscc, today), Breaches(uscc));

        // The rules and whether the company meets each, in one statement: every filing asks, and most companies meet
        // none. The words of a fact are read only for a company that meets it.
        var rules = await Rules(restriction)
            .Select(r => new { Rule = r, Met = r.Trigger == DisciplineTrigger.SeriousList ? serious.Any() : r.Trigger == DisciplineTrigger.AbnormalList ? abnormal.Any() : breaches.Any() })
            .ToListAsync(cancellationToken);
        var bars = new List<Bar>();
        var facts = new Dictionary<DisciplineTrigger, Fact?>();
        foreach (var rule in rules.Where(r => r.Met && r.Rule.InForce(today)).Select(r => r.Rule))
        {
            if (!facts.TryGetValue(rule.Trigger, out var fact))
            {
                fact = facts[rule.Trigger] = await FactAsync(rule.Trigger, serious, abnormal, breaches, cancellationToken);
            }

            // The bar on the legal representative runs three years, not the listing's five.
            if (fact is not null && (rule.Restriction != Restriction.LegalRepresentative || fact.RepresentativeBarEndsOn > today))
            {
                bars.Add(new Bar(rule, $"{fact.Text}，{rule.Consequence()}"));
            }
        }

        return bars;
    }

    /// <summary>
    /// 任职限制: whether the person with this identity number was the legal representative of a company on the serious
    /// list within the last three years (any company but <paramref name="exceptUscc"/>). The listings keep the number
    /// encrypted, so the few whose bar still runs are decrypted and compared; the number itself is never told.
    /// </summary>
    public async Task<Bar?> RepresentativeBarAsync(string idNumber, string exceptUscc, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(time);
        if (await RulesAsync(today, Restriction.LegalRepresentative, cancellationToken) is not [var rule, ..])
        {
            return null;
        }

        var listings = await db.SeriousListings.AsNoTracking()
            .Where(l => l.RepresentativeBarEndsOn > today && l.ListedOn <= today && l.RemovedOn == null && l.Uscc != exceptUscc)
            .OrderBy(l => l.ListedOn)
            .Select(l => new { l.EnterpriseName, l.Uscc, l.ListedOn, l.RepresentativeBarEndsOn, l.LegalRepresentative, l.LegalRepresentativeIdProtected })
            .ToListAsync(cancellationToken);
        var protector = protection.CreateProtector(RecordRegistration.IdPurpose);
        var listed = listings.FirstOrDefault(l => string.Equals(Unprotect(protector, l.LegalRepresentativeIdProtected, l.Uscc), idNumber, StringComparison.Ordinal));
        return listed is null
            ? null
            : new Bar(rule, $"{listed.LegalRepresentative}系{listed.EnterpriseName}（{listed.Uscc}）于 {listed.ListedOn:yyyy-MM-dd} 列入严重违法失信名单时的法定代表人，{listed.RepresentativeBarEndsOn:yyyy-MM-dd} 前不得担任其他企业的法定代表人。");
    }

    async Task<string?> IRepresentativeBar.ReasonAsync(string idNumber, string exceptUscc, CancellationToken cancellationToken) =>
        await RepresentativeBarAsync(idNumber, exceptUscc, cancellationToken) is { } bar ? $"{bar.Reason}（联合惩戒规则 {bar.Rule.Code}，依据{bar.Rule.Basis}）" : null;

    /// <summary>A listing whose number no key can read (a lost key ring) bars no one, and is logged, instead of failing every registration.</summary>
    private string? Unprotect(IDataProtector protector, string protectedId, string uscc)
    {
        try
        {
            return protector.Unprotect(protectedId);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            Undecryptable(logger, e, uscc);
            return null;
        }
    }

    private IQueryable<DisciplineRule> Rules(Restriction? restriction) =>
        db.DisciplineRules.AsNoTracking().Where(r => restriction == null || r.Restriction == restriction).OrderBy(r => r.Code);

    private async Task<List<DisciplineRule>> RulesAsync(DateOnly today, Restriction? restriction, CancellationToken cancellationToken) =>
        [.. (await Rules(restriction).ToListAsync(cancellationToken)).Where(r => r.InForce(today))];

    private IQueryable<SeriousListing> Serious(string uscc, DateOnly today) =>
        db.SeriousListings.AsNoTracking().Where(l => l.Uscc == uscc && l.RemovedOn == null && l.ListedOn <= today && l.EndsOn > today);

    private IQueryable<AbnormalListing> Abnormal(string uscc, DateOnly today) =>
        db.AbnormalListings.AsNoTracking().Where(l => l.Uscc == uscc && l.RemovedOn == null && l.ListedOn <= today);

    private IQueryable<CommitmentBreach> Breaches(string uscc) =>
        db.CommitmentBreaches.AsNoTracking().Where(b => b.Uscc == uscc && b.RepairedOn == null);

    /// <summary>The fact on the record that meets a condition, in words, and when a serious listing's bar on the representative ends.</summary>
    private sealed record Fact(string Text, DateOnly? RepresentativeBarEndsOn = null);

    /// <summary>The fact on the record that meets the condition; null when the company does not meet it.</summary>
    private static async Task<Fact?> FactAsync(DisciplineTrigger trigger, IQueryable<SeriousListing> serious, IQueryable<AbnormalListing> abnormal, IQueryable<CommitmentBreach> breaches, CancellationToken cancellationToken)
    {
        switch (trigger)
        {
            case DisciplineTrigger.SeriousList:
                var listing = await serious.OrderByDescending(l => l.ListedOn).FirstOrDefaultAsync(cancellationToken);
                return listing is null ? null : new Fact($"该企业于 {listing.ListedOn:yyyy-MM-dd} 被{listing.Authority}列入严重违法失信名单（{listing.DecisionNumber}）", listing.RepresentativeBarEndsOn);
            case DisciplineTrigger.AbnormalList:
                var entry = await abnormal.OrderByDescending(l => l.ListedOn).FirstOrDefaultAsync(cancellationToken);
                return entry is null ? null : new Fact($"该企业于 {entry.ListedOn:yyyy-MM-dd} 因{AbnormalListRules.Name(entry.Cause)}被列入经营异常名录（{entry.DecisionNumber}）");
            default:
                var breach = await breaches.OrderByDescending(b => b.RecordedOn).FirstOrDefaultAsync(cancellationToken);
                return breach is null ? null : new Fact($"该企业于 {breach.RecordedOn:yyyy-MM-dd} 经核查存在虚假承诺（{breach.ItemCode}）");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The legal representative's identity number on the serious listing of {Uscc} cannot be decrypted; the bar is not enforced for it")]
    private static partial void Undecryptable(ILogger logger, Exception exception, string uscc);
}
