using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>
/// The officer acting on an application: department and region, and whether the officer works at a comprehensive
/// window (一窗受理), which receives for every department the applications of companies in its region. Whether the
/// officer heads the department (部门负责人) is not said here: it is a fact of the account, which the use cases that
/// need it read from Identity.
/// </summary>
public sealed record Officer(Actor Actor, string DepartmentCode, string? RegionCode, bool AtWindow);
