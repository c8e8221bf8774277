using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>
/// How an officer's change to a permit is made: the department's own permit only, from the revision the officer saw,
/// saved with its audit entry and its event in one transaction; a lost race is a conflict, not an error.
/// </summary>
internal static class PermitChanges
{
    /// <param name="departmentCode">The acting officer's department; null when the caller (the application flow) has already checked.</param>
    /// <param name="revision">The revision the officer acted on, if the client sent it.</param>
    public static async Task<Result<Permit>> LoadAsync(ZhengzhaoDbContext db, string number, string? departmentCode, int? revision, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim().ToUpperInvariant();
        var permit = await db.Permits.FirstOrDefaultAsync(p => p.Number == trimmed && (departmentCode == null || p.DepartmentCode == departmentCode), cancellationToken);
        if (permit is null)
        {
            return NotFound(trimmed);
        }

        return revision is { } seen && seen != permit.Revision ? Stale(permit) : permit;
    }

    public static async Task<Result<Permit>> SaveAsync(ZhengzhaoDbContext db, TimeProvider time, Permit permit, string eventType, Actor actor, string summary, CancellationToken cancellationToken)
    {
        db.LicensingEvents.Add(LicensingEvent.Of(eventType, permit, time.GetUtcNow().UtcDateTime));
        db.Record(actor, time, "licensing." + eventType.Replace('.', '-'), nameof(Permit), permit.Number, $"{permit.HolderName}（{permit.Uscc}）{permit.Number}：{summary}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return permit;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Permits.AsNoTracking().FirstAsync(p => p.Id == permit.Id, cancellationToken);
            return Stale(current);
        }
    }

    public static Refusal NotFound(string number) =>
        new("licensing/permit-not-found", "证照不存在", $"没有证号为“{number}”的证照。", RefusalKind.NotFound);

    private static Refusal Stale(Permit current) =>
        new("licensing/permit-changed", "证照已被他人处理", $"证照 {current.Number} 刚刚已被他人处理（现为第 {current.Revision} 次变动），请刷新后再操作。", RefusalKind.Conflict)
        {
            Errors = new Dictionary<string, string[]> { ["revision"] = [current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)] },
        };
}
