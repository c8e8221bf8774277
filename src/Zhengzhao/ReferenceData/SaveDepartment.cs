using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Common;
using Zhengzhao.Persistence;

namespace Zhengzhao.ReferenceData;

/// <summary>Adds a department or edits one: renamed after a reorganisation, moved, or retired (never deleted: accounts and records point to it).</summary>
public sealed class SaveDepartment(ZhengzhaoDbContext db, TimeProvider time) : IUseCase
{
    public const int MaxShortNameLength = 50;

    public sealed record Command(string Code, string Name, string? ShortName, string RegionCode, bool IsActive, bool IsNew, Actor Actor);

    public async Task<Result<Department>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var code = command.Code.Trim().ToUpperInvariant();
        if (code.Length is < 2 or > TextLimits.DepartmentCode || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Invalid("code", $"部门代码应为2至{TextLimits.DepartmentCode}位英文字母、数字或连字符。");
        }

        var errors = new FieldErrors();
        var name = errors.Text("name", command.Name, TextLimits.Name, "部门名称");
        var shortName = errors.OptionalText("shortName", command.ShortName, MaxShortNameLength, "部门简称");
        if (errors.Any)
        {
            return errors.Refusal("identity/invalid-department", "部门信息无效");
        }

        if (command.RegionCode is not { Length: 6 } || !await db.Regions.AnyAsync(r => r.Code == command.RegionCode, cancellationToken))
        {
            return Invalid("regionCode", command.RegionCode is { Length: 6 } ? $"区划代码“{command.RegionCode}”不存在。" : "区划代码应为6位数字。");
        }

        if (await db.Departments.AnyAsync(d => d.Name == name && d.Code != code, cancellationToken))
        {
            return ReferenceDataRefusals.DepartmentNameTaken(name);
        }

        var department = await db.Departments.FindAsync([code], cancellationToken);
        string before;
        if (command.IsNew)
        {
            if (department is not null)
            {
                return ReferenceDataRefusals.DepartmentCodeTaken(code, department.Name);
            }

            department = new Department(code, name, command.RegionCode, shortName);
            db.Departments.Add(department);
            before = "无";
        }
        else
        {
            if (department is null)
            {
                return ReferenceDataRefusals.DepartmentNotFound(code);
            }

            before = Describe(department);
        }

        department.Edit(name, shortName, command.RegionCode, command.IsActive);
        db.Record(command.Actor, time, command.IsNew ? "identity.department-added" : "identity.department-edited", nameof(Department), code, $"{before} → {Describe(department)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return ReferenceDataRefusals.DepartmentJustAdded(code);
        }

        return department;
    }

    private static string Describe(Department d) => $"{d.Name}（{d.ShortName ?? "无简称"}，{d.RegionCode}，{(d.IsActive ? "在用" : "停用")}）";

    private static Refusal Invalid(string field, string detail) =>
        new("identity/invalid-department", "部门信息无效", detail) { Errors = new Dictionary<string, string[]> { [field] = [detail] } };
}
