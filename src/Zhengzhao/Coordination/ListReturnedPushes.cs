using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>The registrar's list of returned pushes (回退), oldest answer first, each waiting to be re-dispatched or closed.</summary>
public sealed class ListReturnedPushes(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<PushViews.Row>> HandleAsync(CancellationToken cancellationToken = default) =>
        [.. (await PushViews.WithNamesAsync(db, db.Pushes.Where(p => p.State == PushState.Returned), cancellationToken)).OrderBy(r => r.Push.AnsweredOn)];
}
