using Zhengzhao.Catalog;

namespace Zhengzhao.Tests.Catalog;

public sealed class RolloutAndDiffTests
{
    private static readonly RolloutLine[] TibetPlan =
    [
        new(CatalogKind.Official, null, PilotCatalogue.PilotZone, PilotCatalogue.PilotFrom),
        new(CatalogKind.Official, null, PilotCatalogue.Region, PilotCatalogue.RegionFrom),
    ];

    [Theory]
    [InlineData("540172", "2018-07-20", true)] // the pilot zone from the first day
    [InlineData("540172", "2018-07-19", false)]
    [InlineData("540102", "2018-08-01", false)] // elsewhere in Lhasa only from October
    [InlineData("540102", "2018-10-01", true)]
    [InlineData("542500", "2019-05-01", true)] // Ngari, under the region
    [InlineData("310110", "2019-05-01", false)] // outside Tibet
    public void The_official_catalogue_rolls_out_from_the_pilot_zone_to_the_region(string region, string date, bool applies)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(applies, RolloutRules.Applies(TibetPlan, "XZ2018-C01", CatalogKind.Official, region, on));
    }

    [Fact]
    public void A_plan_line_for_one_item_applies_to_that_item_only()
    {
        RolloutLine[] plan = [new(CatalogKind.Demo, "SL-001", "540600", new DateOnly(2020, 1, 1))];

        Assert.True(RolloutRules.Applies(plan, "SL-001", CatalogKind.Demo, "540621", new DateOnly(2020, 1, 2)));
        Assert.False(RolloutRules.Applies(plan, "SL-002", CatalogKind.Demo, "540621", new DateOnly(2020, 1, 2)));
        Assert.False(RolloutRules.Applies(plan, "SL-001", CatalogKind.Official, "540621", new DateOnly(2020, 1, 2)));
    }

    [Fact]
    public void The_difference_lists_only_the_fields_that_changed()
    {
        var after = SampleItems.Transparent with { CommittedLimitDays = 12, Materials = [.. SampleItems.Transparent.Materials, new("场所证明", MaterialForm.Copy, 1, true, null)] };

        var changes = VersionDiff.Between(SampleItems.Transparent, after);

        Assert.Equal(["申请材料", "承诺时限"], changes.Select(c => c.Field));
        Assert.Equal("12 个工作日", changes.Single(c => c.Field == "承诺时限").After);
        Assert.Empty(VersionDiff.Between(SampleItems.Transparent, SampleItems.Transparent with { }));
    }

    [Fact]
    public void Lists_written_as_lines_read_back_the_same()
    {
        var item = SampleItems.Transparent with
        {
            Fees = [new("工本费", "不收费", null)],
            Materials = [.. SampleItems.Transparent.Materials, new("免冠照片", MaterialForm.Original, 1, true, null, Files: new([MaterialFileKind.Jpeg, MaterialFileKind.Png], 2))],
        };

        Assert.Equal(item.Conditions, ItemText.ParseConditions(ItemText.Format(item.Conditions)).Items);
        Assert.Equal(item.Materials, ItemText.ParseMaterials(ItemText.Format(item.Materials)).Items);
        Assert.Equal(item.Steps, ItemText.ParseSteps(ItemText.Format(item.Steps)).Items);
        Assert.Equal(item.Fees, ItemText.ParseFees(ItemText.Format(item.Fees)).Items);
    }

    [Fact]
    public void An_unreadable_line_is_reported_with_its_number()
    {
        var parsed = ItemText.ParseMaterials("申请书|原件|1|必要\n\n营业执照|扫描件|1|必要\n委托书｜原件｜一份｜必要");

        Assert.Single(parsed.Items);
        Assert.Equal(2, parsed.Problems.Count);
        Assert.StartsWith("第3行", parsed.Problems[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("第4行", parsed.Problems[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_material_may_name_the_files_it_takes_within_the_platform_limit()
    {
        var parsed = ItemText.ParseMaterials("免冠照片|原件|1|必要|jpg、JPEG/png|2\n签字表|原件|1|必要|PDF|10\n大图|原件|1|必要|JPG|11\n视频|原件|1|必要|MP4|5\n缺大小|原件|1|必要|PDF");

        Assert.Equal(["免冠照片", "签字表"], parsed.Items.Select(m => m.Name));
        Assert.Equal(new MaterialFileRule([MaterialFileKind.Jpeg, MaterialFileKind.Png], 2), parsed.Items[0].Files);
        Assert.Equal("JPG、PNG，不超过 2 MB", parsed.Items[0].FileRule.Describe());
        Assert.Equal(["第3行", "第4行", "第5行"], parsed.Problems.Select(p => p.Reason[..3]));
        Assert.Equal("免冠照片|原件|1|必要|JPG、PNG|2", ItemText.Format([parsed.Items[0]]));
    }

    [Fact]
    public void A_file_is_refused_for_a_material_by_its_kind_then_its_size()
    {
        var photo = new MaterialFileRule([MaterialFileKind.Jpeg], 1);

        Assert.Null(photo.Problem("照片", MaterialFileKind.Jpeg, 1024 * 1024));
        Assert.Equal("材料“照片”只接受 JPG 文件，所附文件为 PNG。", photo.Problem("照片", MaterialFileKind.Png, 10));
        Assert.Equal("材料“照片”的文件不超过 1 MB，所附文件为 1.5 MB。", photo.Problem("照片", MaterialFileKind.Jpeg, 1536 * 1024));
        Assert.Null(MaterialFileRule.Platform.Problem("任意", MaterialFileKind.Png, 10L * 1024 * 1024));
        Assert.Equal(".jpg,.jpeg,image/jpeg", photo.Accept());
    }
}
