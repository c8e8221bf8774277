using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// 延续: the next validity period of a permit. The application flow calls it with <see cref="RenewalBasis.Decided"/>
/// when a renewal application is approved before the last valid day, and with <see cref="RenewalBasis.Deemed"/> for
/// each renewal application still undecided once that day has passed (行政许可法 第五十条); <see cref="RenewalRules"/>
/// refuses either when its condition does not hold, so a sweep may offer every open renewal safely.
/// </summary>
public sealed class RenewPermit(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    /// <param name="FiledOn">The day the renewal application was filed: it must fall within the item's window.</param>
    public sealed record Command(string Number, DateOnly FiledOn, RenewalBasis Basis, Actor Actor);

    public async Task<Result<Permit>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await PermitChanges.LoadAsync(db, command.Number, null, null, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded;
        }

        var permit = loaded.Value!;
        var today = ChinaTime.Today(time);
        if (RenewalRules.CanGrant(permit.ValidTo, permit.RenewalWindowDays, command.FiledOn, command.Basis, today) is { } refusal)
        {
            return refusal;
        }

        var renewed = permit.Renew(RenewalRules.Reason(command.Basis), command.Actor.UserName, today);
        return renewed.IsSuccess
            ? await PermitChanges.SaveAsync(db, time, permit, LicensingEvent.PermitRenewed, command.Actor, $"{RenewalRules.Reason(command.Basis)}，有效期至 {permit.ValidTo:yyyy-MM-dd}", cancellationToken)
            : renewed;
    }
}
