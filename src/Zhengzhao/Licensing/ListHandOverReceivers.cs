using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Identity;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// Whom an application may be handed over to (首办责任制): the approvers and window clerks in use of its department,
/// other than its present owner, so that the officer picks a person rather than typing an account name.
/// </summary>
public sealed class ListHandOverReceivers(ZhengzhaoDbContext db) : IUseCase
{
    public sealed record Receiver(string UserName, string DisplayName);

    public async Task<IReadOnlyList<Receiver>> HandleAsync(Application application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        return await db.OfficersOf(application.DepartmentCode)
            .Where(o => o.UserName != application.Owner)
            .OrderBy(o => o.UserName)
            .Select(o => new Receiver(o.UserName, o.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
