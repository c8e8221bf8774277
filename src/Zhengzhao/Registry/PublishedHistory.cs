using Microsoft.EntityFrameworkCore;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>One entry of an enterprise's register history: a registration, a change, a deregistration, an import.</summary>
public sealed record RegisterChange
{
    /// <summary>Time-ordered, so a reader that keeps the ids it has processed reads the history in order.</summary>
    public required Guid Id { get; init; }

    public required string Uscc { get; init; }

    /// <summary>The register's own word for the change (设立登记, 变更登记, 注销登记, …).</summary>
    public required string Kind { get; init; }

    public required string Summary { get; init; }

    public required DateTime At { get; init; }
}

/// <summary>What the register lets other modules read of its history: the credit record gathers it.</summary>
public static class PublishedHistory
{
    /// <summary>Every change the register recorded, composable into the caller's query like <see cref="PublishedRegister.RegisteredEnterprises"/>.</summary>
    public static IQueryable<RegisterChange> RegisterChanges(this ZhengzhaoDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.EnterpriseChanges.AsNoTracking().Select(c => new RegisterChange { Id = c.Id, Uscc = c.Uscc, Kind = c.Kind, Summary = c.Summary, At = c.At });
    }
}
