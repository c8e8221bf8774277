using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Audit;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Catalog;

public sealed class ConcurrentEditTests(ZhengzhaoFactory factory) : IClassFixture<ZhengzhaoFactory>
{
    [Fact]
    public async Task Two_officers_editing_the_same_item_cannot_both_win()
    {
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var b = second.ServiceProvider.GetRequiredService<ZhengzhaoDbContext>();
        var itemA = (await a.FindItemAsync("XZ2018-T01", CancellationToken.None))!;
        var itemB = (await b.FindItemAsync("XZ2018-T01", CancellationToken.None))!;
        var now = DateTime.UtcNow;

        itemA.SaveDraft(itemA.LatestPublished!.Content with { ReformMeasures = "甲的修改" }, now);
        a.Record(new Actor("officer-a"), factory.Clock, "catalog.draft-saved", nameof(LicensingItem), "XZ2018-T01", "修改：改革举措");
        itemB.SaveDraft(itemB.LatestPublished!.Content with { ReformMeasures = "乙的修改" }, now);
        b.Record(new Actor("officer-b"), factory.Clock, "catalog.draft-saved", nameof(LicensingItem), "XZ2018-T01", "修改：改革举措");

        Assert.Null(await a.SaveItemsAsync(CancellationToken.None));
        var conflict = await b.SaveItemsAsync(CancellationToken.None);

        Assert.Equal("catalog/concurrent-change", conflict!.Type);
        var draft = await factory.WithDbAsync(async db => (await db.FindItemAsync("XZ2018-T01", CancellationToken.None))!.Draft!.Content.ReformMeasures);
        Assert.Equal("甲的修改", draft);
    }
}
