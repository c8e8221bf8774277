using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Registry;

/// <summary>
/// Records a company's registration (设立登记) or a change (变更登记), from the registrar's page or from a
/// registration system. Idempotent on (code, event id): a redelivered event changes nothing and answers as before.
/// </summary>
public sealed class RecordRegistration(ZhengzhaoDbContext db, IDataProtectionProvider protection, IRepresentativeBar representatives, TimeProvider time) : IUseCase
{
    public const string IdPurpose = "Zhengzhao.Registry.LegalRepresentativeId";

    public enum EventKind
    {
        Registration,
        Change,
    }

    public sealed record Command(
        string? EventId,
        EventKind Kind,
        string? Uscc,
        string? Name,
        EnterpriseType? Type,
        string? LegalRepresentative,
        string? LegalRepresentativeId,
        string? Address,
        string? RegionCode,
        string? RegisteringAuthority,
        DateOnly? EstablishedOn,
        DateOnly? ApprovedOn,
        decimal? RegisteredCapital,
        string? BusinessScope,
        Actor Actor);

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

        var name = errors.Text("name", command.Name, TextLimits.Name, "名称");
        if (command.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", "主体类型应为 DomesticCompany、ForeignInvested、IndividualBusiness 或 Cooperative。");
            type = default;
        }

        var representative = errors.Text("legalRepresentative", command.LegalRepresentative, TextLimits.PersonName, "法定代表人（负责人、经营者）姓名");
        var (id, idReason) = IdentityNumber.Check(command.LegalRepresentativeId);
        if (id is null)
        {
            errors.Add("legalRepresentativeId", idReason!);
        }

        var address = errors.Text("address", command.Address, TextLimits.Address, "住所（经营场所）");
        var authority = errors.Text("registeringAuthority", command.RegisteringAuthority, TextLimits.Name, "登记机关");
        var scope = errors.Text("businessScope", command.BusinessScope, TextLimits.BusinessScope, "经营范围", TextKind.Paragraph);
        var today = ChinaTime.Today(time);
        if (command.EstablishedOn is not { } established || established > today || established.Year < 1949)
        {
            errors.Add("establishedOn", "成立日期应为不晚于今天的有效日期。");
        }

        if (command.ApprovedOn is not { } approved || approved > today || (command.EstablishedOn is { } e && approved < e))
        {
            errors.Add("approvedOn", "核准日期应不早于成立日期，且不晚于今天。");
        }

        if (command.RegisteredCapital is not { } capital || capital < 0 || capital > 1_000_000_000m)
        {
            errors.Add("registeredCapital", "注册资本（万元）应为 0 至 10 亿之间的数。");
        }

        if (command.RegionCode is not { Length: 6 } region || !await db.Regions.AnyAsync(r => r.Code == region, cancellationToken))
        {
            errors.Add("regionCode", command.RegionCode is { Length: 6 } ? $"区划代码“{command.RegionCode}”不存在。" : "区划代码应为6位数字。");
        }

        if (errors.Any)
        {
            return errors.Refusal("registry/invalid-registration", "登记信息有误");
        }

        var uscc = code.Code!;
        var replay = await db.EnterpriseChanges.AsNoTracking().FirstOrDefaultAsync(c => c.Uscc == uscc.Value && c.EventId == eventId, cancellationToken);
        if (replay is not null)
        {
            return new Recorded(uscc.Value, name, eventId, Replayed: true, replay.Summary);
        }

        // Checked for a new registration and whenever the person changes; the person already in office stays.
        var protector = protection.CreateProtector(IdPurpose);
        var enterprise = await db.Enterprises.Include(x => x.Changes).FirstOrDefaultAsync(x => x.Uscc == uscc.Value, cancellationToken);
        if ((enterprise is null || protector.Unprotect(enterprise.LegalRepresentativeIdProtected) != id!.Value)
            && await representatives.ReasonAsync(id!.Value, uscc.Value, cancellationToken) is { } barred)
        {
            return RegistryRefusals.RepresentativeBarred(barred);
        }

        var facts = new EnterpriseFacts(name, command.Type!.Value, representative, address, command.RegionCode!, authority, command.EstablishedOn!.Value, command.ApprovedOn!.Value, command.RegisteredCapital!.Value, scope);
        var protectedId = protector.Protect(id!.Value);
        var now = time.GetUtcNow().UtcDateTime;
        EnterpriseChange change;
        if (command.Kind == EventKind.Registration)
        {
            if (enterprise is not null)
            {
                return RegistryRefusals.DuplicateCode(uscc.Value, enterprise.Name);
            }

            enterprise = new Enterprise(uscc, facts, protectedId, id.Masked, eventId, now);
            db.Enterprises.Add(enterprise);
            NameIndex.Track(db, uscc.Value, before: null, name);
            change = enterprise.Changes[0];
        }
        else
        {
            if (enterprise is null)
            {
                return RegistryRefusals.NotRegistered(uscc.Value, "变更");
            }

            var before = enterprise.Name;
            var changed = enterprise.Change(facts, protectedId, id.Masked, eventId, now);
            if (!changed.IsSuccess)
            {
                return changed.Refusal;
            }

            // A company the catch-up has not indexed yet is indexed by it, under the name it then has.
            if (enterprise.NameIndexed)
            {
                NameIndex.Track(db, uscc.Value, before, name);
            }

            change = changed.Value;
        }

        db.Record(command.Actor, time, command.Kind == EventKind.Registration ? "registry.registered" : "registry.changed", nameof(Enterprise), uscc.Value, $"{change.Kind}（事件 {eventId}）：{Shorten(change.Summary)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // The same event arrived twice at once and the other delivery wrote it: answer as a redelivery.
            if (!await EventRecordedAsync(db, uscc.Value, eventId, cancellationToken))
            {
                throw;
            }

            return new Recorded(uscc.Value, name, eventId, Replayed: true, change.Summary);
        }

        return new Recorded(uscc.Value, name, eventId, Replayed: false, change.Summary);
    }

    /// <summary>After a save lost to a concurrent delivery of the same event: whether that delivery recorded it.</summary>
    internal static async Task<bool> EventRecordedAsync(ZhengzhaoDbContext db, string uscc, string eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.EnterpriseChanges.AnyAsync(c => c.Uscc == uscc && c.EventId == eventId, cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");
}
