namespace Zhengzhao.Licensing.Verifications;

/// <summary>虚假承诺: a commitment a verification found false, as Licensing reports it.</summary>
public sealed record FalseCommitment(string Uscc, string ItemCode, Guid ApplicationId, string Finding, string RecordedBy, DateOnly RecordedOn);

/// <summary>
/// The port through which a verification records a commitment breach on the company's credit record, in the
/// caller's unit of work, so the breach is saved (or rolled back) with the revocation. Licensing owns it so that it
/// need not depend on Credit, which implements it.
/// </summary>
public interface IRecordCommitmentBreach
{
    /// <summary>Adds the breach to the unit of work and returns its id, which the event names.</summary>
    Guid Record(FalseCommitment breach);
}
