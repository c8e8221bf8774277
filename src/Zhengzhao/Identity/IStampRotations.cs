namespace Zhengzhao.Identity;

/// <summary>
/// Told, once the new security stamp is saved, that an account's sessions have ended. The host remembers stamps for
/// <see cref="IdentityRules.StampCheckInterval"/> to spare a database read per request; this lets the instance that
/// ended the sessions forget at once, so the next request with an old cookie or token there is refused.
/// </summary>
public interface IStampRotations
{
    void Rotated(string userId);
}
