using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>变更: a new holder name or licensed scope, as a new edition of the text under the same number.</summary>
public sealed class ChangePermit(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Number, string? HolderName, string? Scope, string? Reason, int? Revision, string? DepartmentCode, Actor Actor);

    public async Task<Result<Permit>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await PermitChanges.LoadAsync(db, command.Number, command.DepartmentCode, command.Revision, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var permit = loaded.Value!;
        var changed = permit.Change(command.HolderName, command.Scope, command.Reason, command.Actor.UserName, ChinaTime.Today(time));
        return changed.IsSuccess
            ? await PermitChanges.SaveAsync(db, time, permit, LicensingEvent.PermitChanged, command.Actor, $"变更为第 {permit.TextVersion} 版（{permit.History[^1].Reason}）", cancellationToken)
            : changed;
    }
}
