using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>One notification letter (告知书) to read or print; another company's is not found for an applicant.</summary>
public sealed class GetNotificationLetter(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<Result<NotificationLetter>> HandleAsync(Guid id, LetterReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var letter = await db.NotificationLetters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return letter is not null && await reader.ReachesAsync(db, letter.Uscc, cancellationToken) ? letter : CoordinationRefusals.LetterNotFound;
    }
}
