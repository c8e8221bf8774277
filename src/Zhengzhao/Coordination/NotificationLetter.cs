using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.ReferenceData;
using Zhengzhao.Registry;

namespace Zhengzhao.Coordination;

/// <summary>
/// 告知书: what the registrar tells a company after a registration or a change of scope — each permit its scope
/// needs, from which department, by which reform mode — and the company's signed undertaking not to operate those
/// activities before approval. The signature records who, when, from where, and a digest of exactly the text signed.
/// </summary>
public sealed class NotificationLetter : Audit.IAudited
{
    /// <summary>The undertaking's wording; a new wording gets a new version so old signatures keep their meaning.</summary>
    public const string UndertakingVersion = "2026-1";

    public const string Undertaking = "本企业已知悉上述经营项目须依法取得相关许可后方可开展，承诺在取得许可前不从事相关经营活动；违反承诺的，依法承担相应法律责任，并记入企业信用记录。";

    private NotificationLetter()
    {
        Uscc = CompanyName = EventId = string.Empty;
        Items = [];
    }

    public NotificationLetter(string uscc, string companyName, string eventId, DateOnly issuedOn, IEnumerable<LetterItem> items)
        : this()
    {
        Uscc = uscc;
        CompanyName = companyName;
        EventId = eventId;
        IssuedOn = issuedOn;
        Items = [.. items];
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    public string CompanyName { get; private set; }

    public string EventId { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public IReadOnlyList<LetterItem> Items { get; private set; }

    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>The applicant account that signed.</summary>
    public string? SignedBy { get; private set; }

    /// <summary>The name the signer typed as the company's signatory.</summary>
    public string? SignatoryName { get; private set; }

    public string? SignedFrom { get; private set; }

    public string? SignedUndertakingVersion { get; private set; }

    /// <summary>SHA-256 of the letter as signed (company, items, undertaking), so a later edit is detectable.</summary>
    public string? SignedDigest { get; private set; }

    public bool IsSigned => SignedAt is not null;

    public Result<NotificationLetter> Sign(string account, string? signatoryName, string? address, DateTimeOffset at)
    {
        if (SignedAt is { } signedAt)
        {
            return CoordinationRefusals.AlreadySigned(signedAt);
        }

        var errors = new FieldErrors();
        var name = errors.Text("signatoryName", signatoryName, TextLimits.PersonName, "签署人姓名");
        if (errors.Any)
        {
            return errors.Refusal("coordination/signatory-required", "请填写签署人");
        }

        SignedAt = at;
        SignedBy = account;
        SignatoryName = name;
        SignedFrom = address is { Length: > 0 } a ? a[..Math.Min(a.Length, 45)] : null;
        SignedUndertakingVersion = UndertakingVersion;
        SignedDigest = Digest();
        return this;
    }

    /// <summary>The digest of what the signer saw: company, each item line, and the undertaking.</summary>
    public string Digest()
    {
        var text = new StringBuilder().Append(Uscc).Append('\n').Append(CompanyName).Append('\n');
        foreach (var item in Items)
        {
            text.Append(item.Code).Append('|').Append(item.Name).Append('|').Append(item.DepartmentName).Append('|').Append(item.Mode).Append('\n');
        }

        text.Append(UndertakingVersion).Append('\n').Append(Undertaking);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>One permit the letter names, as it stood in the catalogue on the day of the letter.</summary>
public sealed record LetterItem(string Code, string Name, string DepartmentCode, string DepartmentName, ReformMode Mode);

/// <summary>
/// Who is asking for letters: an applicant is bound to its company's code, a window clerk to the companies of its
/// window's region (as it files for them); the registrar (both null) may read any.
/// </summary>
public sealed record LetterReader(string? OwnUscc, string? WindowRegion = null)
{
    public async Task<bool> ReachesAsync(ZhengzhaoDbContext db, string uscc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (OwnUscc is not null)
        {
            return OwnUscc == uscc;
        }

        if (WindowRegion is not { } region)
        {
            return true;
        }

        var prefix = Region.CoveragePrefix(region);
        return await db.RegisteredEnterprises().AnyAsync(e => e.Uscc == uscc && e.RegionCode.StartsWith(prefix), cancellationToken);
    }
}
