using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>
/// What Licensing tells the other modules (the credit record first): one row per permit issued, changed, renewed,
/// revoked or cancelled, and per commitment found false, written in the transaction of the change, so an event exists exactly when its change does.
/// Readers keep their own record of the ids they have processed; rows are never changed or deleted here.
/// </summary>
public sealed class LicensingEvent
{
    public const string PermitIssued = "permit.issued";
    public const string PermitChanged = "permit.changed";
    public const string PermitRenewed = "permit.renewed";
    public const string PermitRevoked = "permit.revoked";
    public const string PermitCancelled = "permit.cancelled";
    public const string CommitmentBreached = "commitment.breached";

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private LicensingEvent()
    {
        Type = PermitNumber = Uscc = Payload = string.Empty;
    }

    private LicensingEvent(string type, Permit permit, DateTime occurredAt)
    {
        Type = type;
        PermitNumber = permit.Number;
        Uscc = permit.Uscc;
        OccurredAt = occurredAt;

        // The permit as it stands after the change: enough for a credit record without reading Licensing's tables.
        Payload = JsonSerializer.Serialize(
            new
            {
                permit.Number,
                Kind = permit.Kind.ToString(),
                permit.Uscc,
                permit.HolderName,
                permit.ItemCode,
                permit.ItemName,
                permit.DepartmentCode,
                permit.Scope,
                permit.IssuedOn,
                permit.ValidFrom,
                permit.ValidTo,
                Status = permit.Status.ToString(),
                permit.TextVersion,
                permit.Ending,
                permit.ApplicationId,
            },
            PayloadJson);
    }

    /// <summary>Time-ordered (<see cref="SequentialGuid"/>), so reading in id order is reading in order of occurrence on one instance.</summary>
    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Type { get; private set; }

    public string PermitNumber { get; private set; }

    /// <summary>The company it concerns: the credit record's key.</summary>
    public string Uscc { get; private set; }

    /// <summary>The permit after the change, as camelCase JSON.</summary>
    public string Payload { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public static LicensingEvent Of(string type, Permit permit, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(permit);
        return new LicensingEvent(type, permit, occurredAt);
    }

    /// <summary>虚假承诺: the breach as recorded, with the permit revoked for it.</summary>
    public static LicensingEvent Of(Verifications.FalseCommitment breach, Guid breachId, Permit permit, DateTime occurredAt)
    {
        ArgumentNullException.ThrowIfNull(breach);
        ArgumentNullException.ThrowIfNull(permit);
        return new LicensingEvent
        {
            Type = CommitmentBreached,
            PermitNumber = permit.Number,
            Uscc = breach.Uscc,
            OccurredAt = occurredAt,
            Payload = JsonSerializer.Serialize(new { BreachId = breachId, breach.Uscc, permit.HolderName, breach.ItemCode, permit.ItemName, permit.DepartmentCode, breach.ApplicationId, PermitNumber = permit.Number, breach.Finding, breach.RecordedBy, breach.RecordedOn }, PayloadJson),
        };
    }
}
