using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// What the register lets other modules read about an enterprise: its public facts, never the encrypted identity
/// number. A projection, so a caller's filter, join or page composes with it into one SQL statement.
/// </summary>
public sealed record RegisteredEnterprise
{
    public required string Uscc { get; init; }

    public required string Name { get; init; }

    public required EnterpriseType Type { get; init; }

    public required EnterpriseStatus Status { get; init; }

    public required string RegionCode { get; init; }

    public required string RegisteringAuthority { get; init; }

    public required string LegalRepresentative { get; init; }

    public required string LegalRepresentativeIdMasked { get; init; }

    public required string Address { get; init; }

    public required DateOnly EstablishedOn { get; init; }

    public required string BusinessScope { get; init; }
}

/// <summary>What the register lets other modules read.</summary>
public static class PublishedRegister
{
    /// <summary>
    /// The register as others read it. Built with an object initializer, not a constructor, so that EF can translate
    /// what a caller adds after it (a join on the code, a filter on the region).
    /// </summary>
    public static IQueryable<RegisteredEnterprise> RegisteredEnterprises(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enterprises.AsNoTracking().Select(e => new RegisteredEnterprise
        {
            Uscc = e.Uscc,
            Name = e.Name,
            Type = e.Type,
            Status = e.Status,
            RegionCode = e.RegionCode,
            RegisteringAuthority = e.RegisteringAuthority,
            LegalRepresentative = e.LegalRepresentative,
            LegalRepresentativeIdMasked = e.LegalRepresentativeIdMasked,
            Address = e.Address,
            EstablishedOn = e.EstablishedOn,
            BusinessScope = e.BusinessScope,
        });
    }

    /// <summary>
    /// Whether a person who came with a resident ID card is the company's registered legal representative: the name
    /// and the number both match. Asked here so that the representative's number, kept encrypted, never leaves the
    /// register; a number no key can read matches no one (the agent then needs a power of attorney).
    /// </summary>
    public static async Task<bool> IsLegalRepresentativeAsync(this ZhengzhaoDbContext db, IDataProtectionProvider protection, string uscc, string name, string idNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protection);
        var registered = await db.Enterprises.AsNoTracking()
            .Where(e => e.Uscc == uscc)
            .Select(e => new { e.LegalRepresentative, e.LegalRepresentativeIdProtected })
            .FirstOrDefaultAsync(cancellationToken);
        if (registered is null || registered.LegalRepresentative != name || registered.LegalRepresentativeIdProtected.Length == 0)
        {
            return false;
        }

        try
        {
            return protection.CreateProtector(RecordRegistration.IdPurpose).Unprotect(registered.LegalRepresentativeIdProtected) == idNumber;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
