using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>The register as the registrar reads it: a search by part of the name or the exact code, and one company's file.</summary>
public sealed class FindEnterprises(ZhengzhaoDbContext db, IDataProtectionProvider protection) : IUseCase
{
    public const int PageSize = 50;

    /// <summary>How many matches of a name are counted and paged through: past it, a longer name narrows the search.</summary>
    public const int MatchCap = 1_000;

    /// <summary>A page of the register; <see cref="Capped"/> when more than <see cref="MatchCap"/> names matched.</summary>
    public sealed record Page(IReadOnlyList<Enterprise> Items, int Total, int Number, int Count, bool Capped = false, string? Notice = null);

    public sealed record File(Enterprise Enterprise, string IdentityNumber);

    /// <summary>
    /// The register by name (any part of two characters or more, through the name index, in code order) or by exact
    /// code; without a query, the whole register by name.
    /// </summary>
    public async Task<Page> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            var total = await db.Enterprises.CountAsync(cancellationToken);
            var count = Math.Max(1, (total + PageSize - 1) / PageSize);
            var number = Math.Clamp(page, 1, count);
            var items = await db.Enterprises.AsNoTracking().OrderBy(e => e.Name).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return new Page(items, total, number, count);
        }

        var found = await NameIndex.SearchAsync(db, text, page, PageSize, MatchCap, cancellationToken);
        if (!found.IsSuccess)
        {
            return new Page([], 0, 1, 1, Notice: found.Refusal.Detail);
        }

        var matches = found.Value;

        var codes = matches.Codes;
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => codes.Contains(e.Uscc)).OrderBy(e => e.Uscc).ToListAsync(cancellationToken);
        return new Page(enterprises, matches.Total, matches.Page, matches.Pages, matches.Capped);
    }

    /// <summary>One company with its history; the identity number in clear only when <paramref name="reveal"/> (the registrar).</summary>
    public async Task<File?> GetAsync(string code, bool reveal, CancellationToken cancellationToken = default)
    {
        var normalised = Uscc.Normalise(code);
        var enterprise = await db.Enterprises.AsNoTracking().Include(e => e.Changes).FirstOrDefaultAsync(e => e.Uscc == normalised, cancellationToken);
        if (enterprise is null)
        {
            return null;
        }

        var identity = reveal
            ? protection.CreateProtector(RecordRegistration.IdPurpose).Unprotect(enterprise.LegalRepresentativeIdProtected)
            : enterprise.LegalRepresentativeIdMasked;
        return new File(enterprise, identity);
    }
}
