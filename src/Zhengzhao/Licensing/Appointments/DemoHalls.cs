using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// Service halls of the demo departments, with slots for the next 10 working days. Run at every start of a demo
/// installation: publishing is idempotent, so each start only adds the days that came into range.
/// </summary>
public static class DemoHalls
{
    private const string PilotCentre = "拉萨经开区政务服务中心";
    private const string RegionCentre = "自治区政务服务中心";
    private const string PilotAddress = "拉萨经济技术开发区格桑路政务服务中心一楼（示例地址）";
    private const string RegionAddress = "拉萨市城关区江苏路自治区政务服务中心二楼（示例地址）";
    private const string Hours = "工作日 09:30–13:00、15:30–18:00；延时服务 12:00–14:00（午间）、18:00–19:30（晚间）";

    private static readonly (string Department, string Region, string Name, string Address)[] Halls =
    [
        ("XZ-SYJ", "540172", PilotCentre + " 食品药品窗口", PilotAddress),
        ("XZ-SWT", "540172", PilotCentre + " 商务窗口", PilotAddress),
        ("XZ-SWT", "540100", RegionCentre + " 商务厅窗口", RegionAddress),
        ("XZ-XWGD", "540100", RegionCentre + " 新闻出版广电窗口", RegionAddress),
        ("LS-JKQ", "540172", PilotCentre + " 综合受理窗口", PilotAddress),
    ];

    private static readonly SlotLine[] Template =
    [
        new(new(9, 30), new(10, 30), 3, false),
        new(new(10, 30), new(11, 30), 3, false),
        new(new(11, 30), new(12, 0), 2, false),
        new(new(12, 0), new(14, 0), 2, true),
        new(new(15, 30), new(16, 30), 3, false),
        new(new(16, 30), new(18, 0), 3, false),
        new(new(18, 0), new(19, 30), 2, true),
    ];

    public static async Task SeedAsync(ManageHalls halls, PublishSlots publish, CalendarCache calendars, ZhengzhaoDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(halls);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentNullException.ThrowIfNull(calendars);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(time);
        foreach (var (department, region, name, address) in Halls)
        {
            var hall = await db.ServiceHalls.AsNoTracking().FirstOrDefaultAsync(h => h.DepartmentCode == department && h.Name == name, cancellationToken)
                ?? (await halls.CreateAsync(department, new(name, region, address, Hours), Actor.System, cancellationToken)).Value?.Hall
                ?? throw new InvalidOperationException($"Demo hall {name} could not be created.");
            var published = await publish.HandleAsync(new(hall.Id, department, today.AddDays(1), calendar.AddWorkdays(today, 10, region), Template, Actor.System), cancellationToken);
            if (!published.IsSuccess)
            {
                throw new InvalidOperationException($"Demo slots for {name}: {published.Refusal.Detail}");
            }
        }
    }
}
