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
    };
}
