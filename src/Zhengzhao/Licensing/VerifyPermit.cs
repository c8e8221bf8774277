using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>
/// What anyone may learn about a permit without signing in: the number, the holder's name (a company's name is
/// public), the item, the issuing department, the validity and the status today with its date. Never the legal
/// representative, an identity number or a phone number, and nothing the permit does not print.
/// </summary>
public sealed record PublicPermit(
    string Number, string Kind, string PermitName, string HolderName, string ItemName, string Scope, string IssuingDepartment,
    DateOnly IssuedOn, DateOnly ValidFrom, DateOnly? ValidTo, PermitState State, string StateName, DateOnly? StateSince, DateOnly CheckedOn);

/// <summary>
/// 证照核验: the public check behind the permit's QR code, and by number. The QR code carries a signed token, the
/// permit's id protected by the platform's data-protection keys under a purpose of its own (authenticated
/// encryption: a changed or made-up token fails to open), so the link cannot be forged to probe for permits.
/// </summary>
public sealed class VerifyPermit(IDataProtectionProvider protection, FindPermits find, TimeProvider time) : IUseCase
{
    private const string Purpose = "Zhengzhao.Licensing.PermitVerification.v1";

    /// <summary>The token the permit's QR code links with; it never expires, since the page shows the status of the day.</summary>
    public string TokenFor(Guid permitId) => Base64Url.EncodeToString(protection.CreateProtector(Purpose).Protect(permitId.ToByteArray()));

    public async Task<Result<PublicPermit>> ByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var id = Open(token);
        if (id is null)
        {
            return new Refusal("licensing/invalid-token", "无效的核验码", "核验码无效或已被篡改，请扫描证照上的二维码，或按证号查询。", RefusalKind.NotFound);
        }

        var found = await find.GetAsync(id.Value, PermitScope.Everyone, cancellationToken);
        return found.IsSuccess ? Public(found.Value!) : found.Refusal!;
    }

    public async Task<Result<PublicPermit>> ByNumberAsync(string? number, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Trim().Length > PermitNumbers.MaxLength)
        {
            return new Refusal("licensing/invalid-number", "请输入证号", $"请输入证照上的证号（不超过{PermitNumbers.MaxLength}个字符），如 XZ-SYJ-2026-000123。") { Errors = new Dictionary<string, string[]> { ["number"] = ["请输入证号。"] } };
        }

        var found = await find.GetAsync(number, PermitScope.Everyone, cancellationToken);
        return found.IsSuccess ? Public(found.Value!) : found.Refusal!;
    }

    private Guid? Open(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512 || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            var bytes = protection.CreateProtector(Purpose).Unprotect(Base64Url.DecodeFromChars(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private PublicPermit Public(PermitView view)
    {
        var p = view.Permit;
        var since = view.State switch
        {
            PermitState.Revoked or PermitState.Cancelled => p.Ending!.On,
            PermitState.Expired => p.ValidTo!.Value.AddDays(1),
            _ => (DateOnly?)null,
        };
        return new PublicPermit(
            p.Number, PermitStates.Name(p.Kind), p.PermitName, p.HolderName, p.ItemName, p.Scope, view.DepartmentName,
            p.IssuedOn, p.ValidFrom, p.ValidTo, view.State, PermitStates.Name(view.State), since, ChinaTime.Today(time));
    }
}
