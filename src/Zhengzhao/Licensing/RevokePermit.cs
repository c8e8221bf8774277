using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>撤销: the issuing department takes a permit back (a false commitment, deceit, a serious breach), with the reason.</summary>
public sealed class RevokePermit(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
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
        var revoked = permit.Revoke(command.Reason, command.Actor.UserName, ChinaTime.Today(time));
        return revoked.IsSuccess
            ? await PermitChanges.SaveAsync(db, time, permit, LicensingEvent.PermitRevoked, command.Actor, $"撤销（{permit.Ending!.Reason}）", cancellationToken)
            : revoked;
    }
}
