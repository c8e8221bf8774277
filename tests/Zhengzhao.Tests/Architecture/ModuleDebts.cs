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
        "Licensing may not depend on Credit: Zhengzhao.Licensing.FileApplication uses Zhengzhao.Credit.Bar",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.FileApplication uses Zhengzhao.Credit.DisciplineRule",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.FileApplication uses Zhengzhao.Credit.JointDiscipline",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.FileApplication uses Zhengzhao.Credit.Restriction",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.LicensingEvent uses Zhengzhao.Credit.CommitmentBreach",
        "Licensing may not depend on Credit: Zhengzhao.Licensing.Verifications.ConcludeVerification uses Zhengzhao.Credit.CommitmentBreach",
        "Credit uses Licensing's entity Zhengzhao.Licensing.Application in Zhengzhao.Credit.FindRepairs",
        "Credit uses Licensing's entity Zhengzhao.Licensing.LicensingEvent in Zhengzhao.Credit.CollectCreditEntries",
        "Credit uses Licensing's entity Zhengzhao.Licensing.MaterialUpload in Zhengzhao.Credit.OpenRepairEvidence",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.ApplyForRepair",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.CollectCreditEntries",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.CreditSubjects",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.GetCreditRecord",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.GetPublicRecord",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.GetRestrictions",
        "Credit uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Credit.ListPenalties",
        "Credit uses Registry's entity Zhengzhao.Registry.EnterpriseChange in Zhengzhao.Credit.CollectCreditEntries",
        "Licensing uses Audit's entity Zhengzhao.Audit.AuditEntry in Zhengzhao.Licensing.DepartmentOverview",
        "Licensing uses Audit's entity Zhengzhao.Audit.AuditEntry in Zhengzhao.Licensing.FindApplications",
        "Licensing uses Catalog's entity Zhengzhao.Catalog.ItemVersion in Zhengzhao.Licensing.Appointments.BookSlot",
        "Licensing uses Catalog's entity Zhengzhao.Catalog.ItemVersion in Zhengzhao.Licensing.FileApplication",
        "Licensing uses Catalog's entity Zhengzhao.Catalog.ItemVersion in Zhengzhao.Licensing.PinnedContent",
        "Licensing uses Catalog's entity Zhengzhao.Catalog.LicensingItem in Zhengzhao.Licensing.FileApplication",
        "Licensing uses Coordination's entity Zhengzhao.Coordination.Push in Zhengzhao.Licensing.IssuePermit",
        "Licensing uses Credit's entity Zhengzhao.Credit.CommitmentBreach in Zhengzhao.Licensing.LicensingEvent",
        "Licensing uses Credit's entity Zhengzhao.Credit.CommitmentBreach in Zhengzhao.Licensing.Verifications.ConcludeVerification",
        "Licensing uses Credit's entity Zhengzhao.Credit.DisciplineRule in Zhengzhao.Licensing.FileApplication",
        "Licensing uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Licensing.GetApplicationLetter",
        "Licensing uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Licensing.SendClockWarnings",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.Appointments.ListBookings",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.BeginFiling",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.CompanyScope",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.FileApplication",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.GetApplicationLetter",
        "Licensing uses Registry's entity Zhengzhao.Registry.Enterprise in Zhengzhao.Licensing.IssuePermit",
        "Notifications uses Identity's entity Zhengzhao.Identity.User in Zhengzhao.Notifications.NotificationDispatcher",
    };
}
