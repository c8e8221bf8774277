using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>The register as the registrar reads it: a search by part of the name or the exact code, and one company's file.</summary>
public sealed class FindEnterprises(ZhengzhaoDbContext db, IDataProtectionProvider protection) : IUseCase
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<Enterprise> Items, int Total, int Number, int Count);

    public sealed record File(Enterprise Enterprise, string IdentityNumber);

    public async Task<Page> SearchAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var enterprises = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim();
            var code = Uscc.Normalise(text);
            enterprises = enterprises.Where(e => e.Uscc == code || e.Name.Contains(text));
        }

        var total = await enterprises.CountAsync(cancellationToken);
        var count = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page, 1, count);
        var items = await enterprises.OrderBy(e => e.Name).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(items, total, number, count);
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
