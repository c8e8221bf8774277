using Zhengzhao.Common;

namespace Zhengzhao.Licensing.Appointments;

/// <summary>
/// 服务大厅 / 窗口: where a department receives applicants in one region, e.g. 拉萨经开区政务服务中心 食品药品窗口.
/// Its region decides the working days its slots are published on.
/// </summary>
public sealed class ServiceHall : Audit.IAudited
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxOpeningHoursLength = 200;

    private ServiceHall()
    {
        DepartmentCode = RegionCode = Name = Address = OpeningHours = string.Empty;
    }

    public ServiceHall(string departmentCode, string regionCode, string name, string address, string openingHours)
    {
        DepartmentCode = departmentCode;
        RegionCode = regionCode;
        Name = name;
        Address = address;
        OpeningHours = openingHours;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string DepartmentCode { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }

    public string Address { get; private set; }

    /// <summary>As shown to applicants (e.g. 工作日 09:30–18:00，午间延时服务 12:00–14:00); the bookable times are the slots.</summary>
    public string OpeningHours { get; private set; }
}
