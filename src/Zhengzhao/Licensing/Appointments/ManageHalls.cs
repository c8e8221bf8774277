using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>The service halls: every applicant sees them all; a department admin opens its own department's.</summary>
public sealed class ManageHalls(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public sealed record Line(ServiceHall Hall, string DepartmentName, string RegionName);

    public sealed record NewHall(string? Name, string? RegionCode, string? Address, string? OpeningHours);

    /// <summary>Every hall, or one department's, by department and name.</summary>
    public async Task<IReadOnlyList<Line>> ListAsync(string? departmentCode, CancellationToken cancellationToken = default) =>
        await (from h in db.ServiceHalls.AsNoTracking()
               join d in db.Departments on h.DepartmentCode equals d.Code
               join r in db.Regions on h.RegionCode equals r.Code
               where departmentCode == null || h.DepartmentCode == departmentCode
               orderby h.DepartmentCode, h.Name
               select new Line(h, d.Name, r.Name)).ToListAsync(cancellationToken);

    public async Task<Result<Line>> CreateAsync(string departmentCode, NewHall hall, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hall);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new FieldErrors();
        var name = errors.Text("name", hall.Name, ServiceHall.MaxNameLength, "大厅（窗口）名称");
        var address = errors.Text("address", hall.Address, ServiceHall.MaxAddressLength, "地址");
        var hours = errors.Text("openingHours", hall.OpeningHours, ServiceHall.MaxOpeningHoursLength, "办公时间");
        if (errors.Any)
        {
            return errors.Refusal("appointments/invalid-input", "预约信息无效");
        }

        var region = hall.RegionCode?.Trim() ?? string.Empty;

        if (region.Length != 6)
        {
            return AppointmentRefusals.Invalid("regionCode", "区划代码应为6位数字。");
        }

        var regionName = await db.Regions.Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        if (regionName is null)
        {
            return AppointmentRefusals.Invalid("regionCode", $"区划代码“{region}”不存在。");
        }

        var departmentName = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (departmentName is null)
        {
            return AppointmentRefusals.NoDepartment();
        }

        if (await db.ServiceHalls.AnyAsync(h => h.DepartmentCode == departmentCode && h.Name == name, cancellationToken))
        {
            return AppointmentRefusals.HallExists(name);
        }

        var created = new ServiceHall(departmentCode, region, name, address, hours);
        db.ServiceHalls.Add(created);
        db.Record(actor, time, "appointments.hall-created", nameof(ServiceHall), created.Id.ToString(), $"设立服务大厅 {name}（{region}，{address}，{hours}）");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return AppointmentRefusals.HallExists(name);
        }

        return new Line(created, departmentName, regionName);
    }
}
