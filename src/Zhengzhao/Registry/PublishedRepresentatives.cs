using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// An enterprise's legal representative with the identity number still encrypted: what a listing that bars the person
/// from serving elsewhere must keep, so that the bar follows the person and not the name.
/// </summary>
public sealed record RegisteredRepresentative
{
    public required string Uscc { get; init; }

    public required string Name { get; init; }

    /// <summary>Encrypted with the platform's data protection; only the bar check decrypts it, never a view.</summary>
    public required string IdProtected { get; init; }

    public required string IdMasked { get; init; }
}

/// <summary>What the register lets the credit module read about the people behind the enterprises.</summary>
public static class PublishedRepresentatives
{
    /// <summary>Each enterprise's legal representative, composable into the caller's query.</summary>
    public static IQueryable<RegisteredRepresentative> LegalRepresentatives(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enterprises.AsNoTracking().Select(e => new RegisteredRepresentative
        {
            Uscc = e.Uscc,
            Name = e.LegalRepresentative,
            IdProtected = e.LegalRepresentativeIdProtected,
            IdMasked = e.LegalRepresentativeIdMasked,
        });
    }
}
