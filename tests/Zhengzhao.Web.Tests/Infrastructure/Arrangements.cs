using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Web.Tests.Infrastructure;

/// <summary>
/// A test that arranges facts directly, rather than through a use case, records them as a use case would: the
/// context refuses to save a change to an audited entity without its audit entry.
/// </summary>
public static class Arrangements
{
    public static Task<int> SaveArrangedAsync(this ZhengzhaoDbContext db, TimeProvider time)
    {
        db.Record(new Actor("test-arrangement"), time, "test.arranged", "Test", "*", "测试直接布置的数据");
        return db.SaveChangesAsync();
    }
}
