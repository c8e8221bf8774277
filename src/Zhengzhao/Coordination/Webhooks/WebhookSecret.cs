using System.Security.Cryptography;
using System.Text;

namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// The shared secret of an endpoint and the signature it makes. The secret is 32 random bytes written as 64 lowercase
/// hexadecimal characters; receivers key HMAC-SHA256 with those characters exactly as shown (their ASCII bytes), so
/// nobody has to decode anything before verifying.
/// </summary>
public static class WebhookSecret
{
    /// <summary>The data-protection purpose the stored secrets are encrypted under.</summary>
    public const string Purpose = "Zhengzhao.Coordination.Webhooks.Secret.v1";

    public const string SignaturePrefix = "sha256=";

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// <c>sha256=</c> and the hexadecimal HMAC-SHA256 of <c>{timestamp}.{body}</c>: binding the timestamp into the
    /// signature lets a receiver refuse an old delivery replayed by someone who recorded it.
    /// </summary>
    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return SignaturePrefix + Convert.ToHexStringLower(mac);
    }
}
