using Microsoft.EntityFrameworkCore;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Coordination;

/// <summary>A company's notification letters (告知书), newest first; an applicant gets none of another company's, a window clerk none outside its region.</summary>
public sealed class ListNotificationLetters(ZhengzhaoDbContext db) : IUseCase
{
    public async Task<IReadOnlyList<NotificationLetter>> HandleAsync(string uscc, LetterReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await reader.ReachesAsync(db, uscc, cancellationToken)
            ? await db.NotificationLetters.AsNoTracking().Where(l => l.Uscc == uscc).OrderByDescending(l => l.IssuedOn).ThenByDescending(l => l.Id).ToListAsync(cancellationToken)
            : [];
    }
}
