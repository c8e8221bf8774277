using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// Records a company's deregistration (注销登记), from the registrar's page or a registration system. Idempotent on
/// (code, event id), as a registration is: a redelivered event changes nothing and answers as before.
/// </summary>
public sealed class RecordDeregistration(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxReasonLength = 200;

    public sealed record Command(string? EventId, string? Uscc, DateOnly? DeregisteredOn, string? Reason, Actor Actor);

    public sealed record Recorded(string Uscc, string Name, string EventId, bool Replayed, string Summary);

    public async Task<Result<Recorded>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var eventId = errors.Text("eventId", command.EventId, TextLimits.Number, "事件编号");
        var code = Uscc.Check(command.Uscc);
        if (!code.IsValid)
        {
            errors.Add("uscc", code.Reason!);
        }

        var today = ChinaTime.Today(time);
        if (command.DeregisteredOn is not { } on || on > today)
        {
            errors.Add("deregisteredOn", "注销日期应为不晚于今天的有效日期。");
        }

        var reason = errors.Text("reason", command.Reason, MaxReasonLength, "注销原因（如决议解散、依法宣告破产）");
        if (errors.Any)
        {
            return errors.Refusal("registry/invalid-deregistration", "注销信息有误");
        }

        var uscc = code.Code!.Value;
        var enterprise = await db.Enterprises.Include(e => e.Changes).FirstOrDefaultAsync(e => e.Uscc == uscc, cancellationToken);
        if (enterprise is null)
        {
            return RegistryRefusals.NotRegistered(uscc, "注销");
        }

        if (enterprise.Changes.FirstOrDefault(c => c.EventId == eventId) is { } replay)
        {
            return new Recorded(uscc, enterprise.Name, eventId, Replayed: true, replay.Summary);
        }

        var deregistered = enterprise.Deregister(command.DeregisteredOn!.Value, reason, eventId, time.GetUtcNow().UtcDateTime);
        if (!deregistered.IsSuccess)
        {
            return deregistered.Refusal;
        }

        db.Record(command.Actor, time, "registry.deregistered", nameof(Enterprise), uscc, $"注销登记（事件 {eventId}）：{deregistered.Value.Summary}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same event arrived twice at once and the other delivery wrote it: answer as a redelivery.
            if (!await RecordRegistration.EventRecordedAsync(db, uscc, eventId, cancellationToken))
            {
                throw;
            }

            return new Recorded(uscc, enterprise.Name, eventId, Replayed: true, deregistered.Value.Summary);
        }

        return new Recorded(uscc, enterprise.Name, eventId, Replayed: false, deregistered.Value.Summary);
    }
}
