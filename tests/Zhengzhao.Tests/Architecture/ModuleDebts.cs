namespace Zhengzhao.Tests.Architecture;

/// <summary>
/// The boundary violations found when the rules were first written down (issue #16), each still to be removed by
/// giving the owning module a published query or command. The list only shrinks: a violation not on it fails the
/// build, and so does one on it that no longer occurs, so that whoever removes one also removes its line.
/// </summary>
public static class ModuleDebts
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "Licensing may not depend on Credit: Zhengzhao.Licensing.LicensingEvent uses Zhengzhao.Credit.CommitmentBreach",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.Verifications.ConcludeVerification uses Zhengzhao.Credit.CommitmentBreach",
        "Coordination uses Catalog's entity Zhengzhao.Catalog.ItemVersion in Zhengzhao.Coordination.PushViews",
        "Coordination uses Catalog's entity Zhengzhao.Catalog.ItemVersion in Zhengzhao.Coordination.ScopeCatalogue",
        "Coordination uses Catalog's entity Zhengzhao.Catalog.LicensingItem in Zhengzhao.Coordination.ScopeCatalogue",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.Copies",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.NotificationLetterConfiguration",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.NotifyDepartments",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.PushConfiguration",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.PushViews",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.ResolveReturns",
        "Coordination uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Coordination.Webhooks.PushCreated",
        "Licensing uses Audit's entity Zhengzhao.Audit.AuditEntry in Zhengzhao.Licensing.DepartmentOverview",
        "Licensing uses Audit's entity Zhengzhao.Audit.AuditEntry in Zhengzhao.Licensing.FindApplications",
        "Licensing uses Coordination's entity Zhengzhao.Coordination.Push in Zhengzhao.Licensing.IssuePermit",
        "Licensing uses Credit's entity Zhengzhao.Credit.CommitmentBreach in Zhengzhao.Licensing.LicensingEvent",
        "Licensing uses Credit's entity Zhengzhao.Credit.CommitmentBreach in Zhengzhao.Licensing.Verifications.ConcludeVerification",
        "Licensing uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Licensing.GetApplicationLetter",
        "Licensing uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Licensing.SendClockWarnings",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.GetApplicationLetter",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.IssuePermit",
        "Notifications uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Notifications.NotificationDispatcher",
    };
}
