using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.ReferenceData;

/// <summary>
/// Loads regions and departments from the data files shipped in the assembly, once: after the first start they
/// belong to the administrator, and a restart never overwrites an edit.
/// </summary>
public static class ReferenceDataSeeder
{
    /// <summary>The pilot zone of the 2018 notice.</summary>
    public const string PilotZoneCode = "540172";

    public static async Task SeedAsync(ZhengzhaoDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Regions.AnyAsync(cancellationToken))
        {
            var regions = ReadRegions();
            db.Regions.AddRange(regions);
            db.Record(Actor.System, time, "reference.regions-seeded", nameof(Region), "540000", $"载入区划 {regions.Count} 条，试点区 {PilotZoneCode}");
            await db.SaveChangesAsync(cancellationToken);
        }

        // Departments shipped later (for new catalogue items) are added; existing ones are the administrator's.
        var known = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var departments = ReadDepartments().Where(d => !known.Contains(d.Code)).ToList();
        if (departments.Count > 0)
        {
            db.Departments.AddRange(departments);
            db.Record(Actor.System, time, "reference.departments-seeded", nameof(Department), "*", $"载入部门 {departments.Count} 个：{string.Join("、", departments.Select(d => d.Name))}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    internal static List<Region> ReadRegions()
    {
        using var reader = new StreamReader(EmbeddedFiles.Open("regions/540000-xizang.csv"));
        var regions = new List<Region>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            var level = Enum.Parse<RegionLevel>(cells[2], ignoreCase: true);
            var region = new Region(cells[0], cells[1], level, cells[3].Length == 0 ? null : cells[3]);
            if (region.Code == PilotZoneCode)
            {
                region.Edit(region.Name, isPilotZone: true);
            }

            regions.Add(region);
        }

        // Parents first, so the self-reference is satisfied row by row on any provider.
        return regions.OrderBy(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    private static List<Department> ReadDepartments()
    {
        using var document = JsonDocument.Parse(EmbeddedFiles.Open("departments.json"));
        return document.RootElement.GetProperty("departments").EnumerateArray()
            .Select(d => new Department(
                d.GetProperty("code").GetString()!,
                d.GetProperty("name").GetString()!,
                d.GetProperty("region").GetString()!,
                d.GetProperty("shortName").GetString()))
            .ToList();
    }
}
