using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>
/// The company's notification letters (告知书): read and printed by the company and the registrar, signed only by
/// the company's own applicant account. An applicant reaches only its own company's letters.
/// </summary>
public sealed class Letters(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    /// <summary>Who is asking: an applicant is bound to its company's code; staff (null) may read any.</summary>
    public sealed record Reader(string? OwnUscc);

    public async Task<IReadOnlyList<NotificationLetter>> ListAsync(string uscc, Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.OwnUscc is { } own && own != uscc
            ? []
            : await db.NotificationLetters.AsNoTracking().Where(l => l.Uscc == uscc).OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.Id).ToListAsync(cancellationToken);
    }

    public async Task<Result<NotificationLetter>> GetAsync(Guid id, Reader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var letter = await db.NotificationLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return letter is null || (reader.OwnUscc is { } own && own != letter.Uscc) ? NotFound() : letter;
    }

    public async Task<Result<NotificationLetter>> SignAsync(Guid id, string applicantUscc, string? signatoryName, string? address, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var letter = await db.NotificationLetters.FirstOrDefaultAsync(l => l.Id == id && l.Uscc == applicantUscc, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        var signed = letter.Sign(actor.UserName, signatoryName, address, time.GetUtcNow());
        return signed.IsSuccess
            ? await CoordinationChanges.SaveAsync(db, time, letter, actor, "coordination.letter-signed", nameof(NotificationLetter), letter.Id.ToString(), $"{letter.Uscc} 签署告知书（事件 {letter.EventId}，签署人 {letter.SignatoryName}，摘要 {letter.SignedDigest![..16]}…）", cancellationToken)
            : signed;
    }

    private static Refusal NotFound() => new("coordination/letter-not-found", "告知书不存在", "没有这份告知书，或它不属于您的企业。", RefusalKind.NotFound);
}
