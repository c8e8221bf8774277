namespace Zhengzhao.Tests.Architecture;

/// <summary>
/// The module rules of DESIGN §4, as data: which module may depend on which. A new module gets its row here, and
/// docs/architecture.md draws its graph from this table (<see cref="ModuleBoundaryTests"/> checks the drawing).
/// </summary>
public static class ModuleRules
{
    /// <summary>
    /// Every module may also use Persistence (the one DbContext and its helpers), and Persistence uses every module's
    /// entities, since it composes the one model: it is left out of this table and of the cycle check.
    /// The host (Web) may use every module's use cases.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayDependOn = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Common"] = [],
        ["Audit"] = ["Common"],
        ["ReferenceData"] = ["Common", "Audit"],
        ["Calendar"] = ["Common", "Audit", "ReferenceData"],
        ["Registry"] = ["Common", "Audit", "ReferenceData", "Calendar"],
        ["Identity"] = ["Common", "Audit", "ReferenceData", "Calendar", "Registry"],
        ["Deadlines"] = ["Common", "Audit", "ReferenceData", "Calendar"],
        ["Notifications"] = ["Common", "Audit", "Calendar", "Deadlines", "Identity"],
        ["Catalog"] = ["Common", "Audit", "ReferenceData", "Calendar", "Registry"],
        ["Coordination"] = ["Common", "Audit", "ReferenceData", "Calendar", "Deadlines", "Notifications", "Registry", "Catalog"],
        ["Licensing"] = ["Common", "Audit", "ReferenceData", "Calendar", "Deadlines", "Identity", "Notifications", "Registry", "Catalog", "Coordination"],
        ["Credit"] = ["Common", "Audit", "ReferenceData", "Calendar", "Deadlines", "Notifications", "Registry", "Catalog", "Licensing"],
    };

    /// <summary>
    /// Modules outside the table: Persistence composes the model, and its own entities (the number sequences) are
    /// shared infrastructure; Web is the host over all of them.
    /// </summary>
    public static readonly IReadOnlySet<string> Composition = new HashSet<string>(StringComparer.Ordinal) { "Persistence", "Web" };

    /// <summary>
    /// Reference data every module reads, as read-only tables: regions, departments and the working-day calendar.
    /// Only their owner writes them.
    /// </summary>
    public static readonly IReadOnlySet<string> ReferenceEntities = new HashSet<string>(StringComparer.Ordinal)
    {
        "Zhengzhao.ReferenceData.Region", "Zhengzhao.ReferenceData.Department", "Zhengzhao.Calendar.CalendarDay", "Zhengzhao.Calendar.CalendarYear",
    };

    /// <summary>
    /// Types of the host allowed to hold the DbContext: start-up (migrating, seeding), Identity's EF stores and the
    /// health check. Every page and endpoint goes through a use case.
    /// </summary>
    public static readonly IReadOnlySet<string> HostTypesWithDbContext = new HashSet<string>(StringComparer.Ordinal)
    {
        "Zhengzhao.Web.Hosting.DatabaseStartup", "Zhengzhao.Web.Hosting.IdentitySetup", "Zhengzhao.Web.Hosting.ZhengzhaoHost",
    };
}
