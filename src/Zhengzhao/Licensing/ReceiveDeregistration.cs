using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>
/// 注销登记 as the platform receives it: recorded on the register, then the company's licensing ends with it. Every
/// permit and filing receipt still in force is cancelled (注销, 行政许可法 第七十条第（四）项: the holder has ended)
/// and published as <c>permit.cancelled</c>. Every application still in hand is closed as withdrawn, and its officer
/// is told. A redelivery re-runs the second step, which completes what an earlier delivery left undone.
/// </summary>
public sealed class ReceiveDeregistration(RecordDeregistration record, ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    public sealed record Received(RecordDeregistration.Recorded Deregistration, IReadOnlyList<string> CancelledPermits, IReadOnlyList<string> ClosedApplications);

    public async Task<Result<Received>> HandleAsync(RecordDeregistration.Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var recorded = await record.HandleAsync(command, cancellationToken);
        if (!recorded.IsSuccess)
        {
            return recorded.Refusal!;
        }

        var uscc = recorded.Value!.Uscc;
        var today = ChinaTime.Today(time);
        var reason = $"企业已于 {command.DeregisteredOn:yyyy-MM-dd} 注销登记";
        var permits = new List<Permit>();
        foreach (var permit in await db.Permits.Where(p => p.Uscc == uscc && p.Status == PermitStatus.Valid).ToListAsync(cancellationToken))
        {
            // One already past its last valid day has ended by itself and stays expired.
            if (!permit.Cancel(reason, command.Actor.UserName, today).IsSuccess)
            {
                continue;
            }

            permits.Add(permit);
            db.LicensingEvents.Add(LicensingEvent.Of(LicensingEvent.PermitCancelled, permit, time.GetUtcNow().UtcDateTime));
            db.Record(command.Actor, time, "licensing.permit-cancelled", nameof(Permit), permit.Number, $"{permit.HolderName}（{uscc}）{permit.Number}：注销（{reason}）");
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var applications = await db.Applications.Where(a => a.Uscc == uscc && a.ClosedOn == null).ToListAsync(cancellationToken);
        foreach (var application in applications)
        {
            application.Withdraw(today);
            application.Reschedule(calendar, today);
            db.Record(command.Actor, time, "licensing.withdrawn", nameof(Application), application.Id.ToString(), $"{application.Number ?? "草稿"}：终止办理（{reason}）");
            if (application.Owner.Length > 0)
            {
                notifier.Tell(Mailboxes.Officer(application.Owner), $"终止办理：{application.Number}", $"{application.Item.Name}（申请编号 {application.Number}，{uscc}）因{reason}，已终止办理，无需再作决定。", $"/Licensing/Application/{application.Id}");
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An officer acted on one of them at the same moment; the register already holds the deregistration, and
            // sending the event again completes this step.
            return new Refusal("licensing/changed", "证照或申请刚被他人处理", $"{recorded.Value.Name}的注销登记已记录，但其证照或申请刚刚被他人处理，请重新推送同一事件以完成证照注销。", RefusalKind.Conflict);
        }

        return new Received(recorded.Value, [.. permits.Select(p => p.Number)], [.. applications.Select(a => a.Number ?? a.Id.ToString())]);
    }
}
