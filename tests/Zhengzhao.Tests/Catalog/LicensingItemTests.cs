using Zhengzhao.Catalog;

namespace Zhengzhao.Tests.Catalog;

public sealed class LicensingItemTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Publishing_a_new_version_ends_the_one_before_the_day_before()
    {
        var item = new LicensingItem("T-1", CatalogKind.Official, Now);
        item.SaveDraft(SampleItems.Transparent, Now);
        item.Publish(new DateOnly(2018, 7, 20), "office", Now);

        item.SaveDraft(SampleItems.Transparent with { CommittedLimitDays = 10, Steps = [new("受理", 1, null), new("决定", 5, null)] }, Now);
        var second = item.Publish(new DateOnly(2026, 12, 1), "office", Now);

        Assert.True(second.IsSuccess);
        Assert.Equal(2, second.Value!.Number);
        Assert.Equal(new DateOnly(2026, 11, 30), item.Versions.Single(v => v.Number == 1).ValidTo);
        Assert.Equal(15, item.InForceOn(new DateOnly(2026, 11, 30))!.Content.CommittedLimitDays);
        Assert.Equal(10, item.InForceOn(new DateOnly(2026, 12, 1))!.Content.CommittedLimitDays);
        Assert.Null(item.InForceOn(new DateOnly(2018, 7, 19)));
    }

    [Fact]
    public void A_published_version_never_changes_and_edits_go_to_a_new_draft()
    {
        var item = new LicensingItem("T-1", CatalogKind.Official, Now);
        item.SaveDraft(SampleItems.Transparent, Now);
        var first = item.Publish(new DateOnly(2018, 7, 20), "office", Now).Value!;

        var draft = item.SaveDraft(SampleItems.Transparent with { Name = "改名" }, Now).Value!;

        Assert.NotSame(first, draft);
        Assert.Equal(2, draft.Number);
        Assert.Equal("国内船舶管理业务经营审批", first.Content.Name);
        Assert.Same(draft, item.SaveDraft(SampleItems.Transparent with { Name = "再改" }, Now).Value);
    }

    [Fact]
    public void An_incomplete_draft_or_an_earlier_date_is_not_published()
    {
        var item = new LicensingItem("T-1", CatalogKind.Official, Now);
        item.SaveDraft(SampleItems.Transparent, Now);
        item.Publish(new DateOnly(2020, 1, 1), "office", Now);

        item.SaveDraft(SampleItems.Transparent with { Steps = [] }, Now);
        Assert.Equal("catalog/invalid-item", item.Publish(new DateOnly(2021, 1, 1), "office", Now).Refusal!.Type);

        item.SaveDraft(SampleItems.Transparent, Now);
        Assert.Equal("catalog/invalid-validity", item.Publish(new DateOnly(2020, 1, 1), "office", Now).Refusal!.Type);
        Assert.Equal("catalog/no-draft", new LicensingItem("T-2", CatalogKind.Demo, Now).Publish(new DateOnly(2020, 1, 1), "office", Now).Refusal!.Type);
    }

    [Fact]
    public void An_item_never_published_is_not_retired()
    {
        var item = new LicensingItem("T-9", CatalogKind.Official, Now);
        item.SaveDraft(SampleItems.Transparent, Now);

        Assert.Equal("catalog/never-published", item.Retire(new DateOnly(2026, 12, 1)).Refusal!.Type);
        Assert.NotNull(item.Draft);
    }

    [Fact]
    public void A_retired_item_takes_no_more_versions_and_is_not_in_force()
    {
        var item = new LicensingItem("T-1", CatalogKind.Official, Now);
        item.SaveDraft(SampleItems.Transparent, Now);
        item.Publish(new DateOnly(2018, 7, 20), "office", Now);

        item.Retire(new DateOnly(2026, 12, 1));

        Assert.NotNull(item.InForceOn(new DateOnly(2026, 11, 30)));
        Assert.Null(item.InForceOn(new DateOnly(2026, 12, 1)));
        Assert.Equal("catalog/item-retired", item.SaveDraft(SampleItems.Transparent, Now).Refusal!.Type);
        Assert.False(item.Retire(new DateOnly(2027, 1, 1)).IsSuccess);
    }
}
