using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Verifications;

/// <summary>
/// 核查结论, by the department that granted the permit. Consistent closes the matter. False revokes the permit (or
/// filing) and, for a commitment, records the breach that the credit record shows and joint discipline reads; all
/// of it, with the events for the credit module, in one transaction. Of two officers concluding at once, one wins.
/// </summary>
public sealed class ConcludeVerification(ZhengzhaoDbContext db, IRecordCommitmentBreach breaches, Notifier notifier, TimeProvider time) : IUseCase
{
    public sealed record Command(Guid Id, VerificationOutcome Outcome, string? Findings, IReadOnlyList<Guid> Attachments, string DepartmentCode, Actor Actor);

    public async Task<Result<Verification>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var verification = await db.Verifications.FirstOrDefaultAsync(v => v.Id == command.Id && v.DepartmentCode == command.DepartmentCode, cancellationToken);
        if (verification is null)
        {
            return new Refusal("licensing/verification-not-found", "核查任务不存在", "本部门没有这项核查任务。", RefusalKind.NotFound);
        }

        var attachments = command.Attachments.Distinct().ToList();
        var today = ChinaTime.Today(time);
        var concluded = verification.Conclude(command.Outcome, command.Findings, attachments, command.Actor.UserName, today);
        if (!concluded.IsSuccess)
        {
            return concluded;
        }

        var summary = $"{VerificationTerms.Name(verification.Kind)}：{VerificationTerms.Name(command.Outcome)}。{verification.Findings}";
        if (command.Outcome == VerificationOutcome.False && await RevokeAsync(verification, command.Actor, today, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // The attachments become part of the record: kept for good, or the conclusion waits for them to be uploaded again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await MaterialUploads.PutInUseAsync(db, verification.Uscc, attachments, time.GetUtcNow(), cancellationToken) is not null)
        {
            db.ChangeTracker.Clear();
            return MaterialUploads.Expired("attachments", "核查附件须是为该企业上传的文件。");
        }

        db.Record(command.Actor, time, "licensing.verified", nameof(Verification), verification.Id.ToString(), $"{verification.HolderName}（{verification.Uscc}）{verification.PermitNumber} {summary}");
        notifier.Tell(Mailboxes.Company(verification.Uscc), $"核查结果：{verification.ItemName}", $"{verification.PermitNumber} 的{summary}", "/Permits");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Refusal("licensing/verification-concluded", "已核查", "这项核查刚刚已由他人办结，请刷新后查看。", RefusalKind.Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return verification;
    }

    /// <summary>不实: the permit goes; a false commitment is also a breach on the credit record.</summary>
    private async Task<Refusal?> RevokeAsync(Verification verification, Actor actor, DateOnly today, CancellationToken cancellationToken)
    {
        var permit = await db.Permits.FirstAsync(p => p.Number == verification.PermitNumber, cancellationToken);
        var reason = verification.Kind == VerificationKind.Commitment ? $"经核查，申请人承诺内容与实际不符（虚假承诺）：{verification.Findings}" : $"经核查，备案内容与实际不符：{verification.Findings}";
        var revoked = permit.Revoke(reason.Length > Permit.MaxReasonLength ? reason[..Permit.MaxReasonLength] : reason, actor.UserName, today);
        if (!revoked.IsSuccess)
        {
            return revoked.Refusal;
        }

        var at = time.GetUtcNow().UtcDateTime;
        db.LicensingEvents.Add(LicensingEvent.Of(LicensingEvent.PermitRevoked, permit, at));
        db.Record(actor, time, "licensing.permit-revoked", nameof(Permit), permit.Number, $"{permit.HolderName}（{permit.Uscc}）{permit.Number}：撤销（核查不实）");
        if (verification.Kind == VerificationKind.Commitment)
        {
            var breach = new FalseCommitment(verification.Uscc, verification.ItemCode, verification.ApplicationId, verification.Findings!, actor.UserName, today);
            db.LicensingEvents.Add(LicensingEvent.Of(breach, breaches.Record(breach), permit, at));
        }

        return null;
    }
}
