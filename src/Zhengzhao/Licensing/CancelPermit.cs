using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>注销: on the holder's request, the company's deregistration, or expiry without renewal, with the reason.</summary>
public sealed class CancelPermit(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Command(string Number, string? Reason, int? Revision, string? DepartmentCode, Actor Actor);

    public async Task<Result<Permit>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await PermitChanges.LoadAsync(db, command.Number, command.DepartmentCode, command.Revision, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var permit = loaded.Value!;
        var cancelled = permit.Cancel(command.Reason, command.Actor.UserName, ChinaTime.Today(time));
        return cancelled.IsSuccess
            ? await PermitChanges.SaveAsync(db, time, permit, LicensingEvent.PermitCancelled, command.Actor, $"注销（{permit.Ending!.Reason}）", cancellationToken)
            : cancelled;
    }
}
