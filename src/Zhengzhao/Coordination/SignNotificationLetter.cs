using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// The company signs its notification letter (告知书), only from its own applicant account: the undertaking not to
/// operate before approval, recorded with who, when, from which IP address, and a digest of the text signed.
/// </summary>
public sealed class SignNotificationLetter(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public async Task<Result<NotificationLetter>> HandleAsync(Guid id, string applicantUscc, string? signatoryName, string? ipAddress, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var letter = await db.NotificationLetters.FirstOrDefaultAsync(l => l.Id == id && l.Uscc == applicantUscc, cancellationToken);
        if (letter is null)
        {
            return CoordinationRefusals.LetterNotFound;
        }

        var signed = letter.Sign(actor.UserName, signatoryName, ipAddress, time.GetUtcNow());
        return signed.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, letter, actor, "coordination.letter-signed", nameof(NotificationLetter), letter.Id.ToString(), $"{letter.Uscc} 签署告知书（事件 {letter.EventId}，签署人 {letter.SignatoryName}，摘要 {letter.SignedDigest![..16]}…）", cancellationToken)
            : signed;
    }
}
