using Microsoft.EntityFrameworkCore;
using Zhengzhao.Calendar;
using Zhengzhao.Catalog;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>A material handed in: its name in the item's checklist and the company's upload that holds it.</summary>
public sealed record MaterialInput(string Name, Guid Upload);

/// <summary>
/// The steps by which an application is handed in, shared by <see cref="FileApplication"/>, <see cref="SubmitDraft"/>
/// and <see cref="CompleteSupplement"/> so that materials are checked, numbers taken and the company told one way.
/// </summary>
internal static class FilingSteps
{
    public const int MaxMaterialNameLength = 100;

    /// <summary>More materials than any checklist names: a longer list is a mistake or an attack, not an application.</summary>
    public const int MaxMaterials = 100;

    /// <summary>Why the list of materials cannot be read at all, held to its length before anything is read; or null.</summary>
    public static Refusal? TooLong(IReadOnlyList<MaterialInput> materials)
    {
        if (materials.Count > MaxMaterials)
        {
            return LicensingRefusals.InvalidApplication("materials", $"材料不超过 {MaxMaterials} 项。");
        }

        return materials.FirstOrDefault(m => m.Name.Length > MaxMaterialNameLength) is null ? null : LicensingRefusals.InvalidApplication("materials", $"材料名称不超过{MaxMaterialNameLength}字。");
    }

    /// <summary>
    /// Attaches the named uploads: each must be the company's own, and of a kind and size its material accepts in
    /// the item's checklist (<see cref="ItemMaterial.FileRule"/>; the renewal form, not in it, takes the platform's).
    /// </summary>
    public static async Task<Refusal?> AttachAsync(ZhengzhaoDbContext db, Application application, IReadOnlyList<MaterialInput> materials, IReadOnlyList<ItemMaterial> checklist, CancellationToken cancellationToken)
    {
        var ids = materials.Select(m => m.Upload).ToList();
        var own = await db.MaterialUploads.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Uscc == application.Uscc).ToDictionaryAsync(u => u.Id, u => (u.Kind, u.Size), cancellationToken);
        foreach (var material in materials)
        {
            if (!own.TryGetValue(material.Upload, out var file))
            {
                return MaterialUploads.Expired("materials", $"材料“{material.Name}”：");
            }

            var rule = checklist.FirstOrDefault(m => m.Name == material.Name)?.FileRule ?? MaterialFileRule.Platform;
            if (rule.Problem(material.Name, file.Kind, file.Size) is { } problem)
            {
                return LicensingRefusals.InvalidApplication("materials", problem);
            }

            var attached = application.AttachMaterial(material.Name, material.Upload);
            if (!attached.IsSuccess)
            {
                return attached.Refusal;
            }
        }

        return null;
    }

    /// <summary>
    /// Hands the application in under its 受理编号 (department, year, and a sequence of the department's year, e.g.
    /// XZ-SYJ-2026-000042), sets its clock and tells the company.
    /// </summary>
    public static async Task<Result<Application>> SubmitAsync(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, Application application, DateOnly today, CancellationToken cancellationToken)
    {
        var department = application.Item.DepartmentCode;
        var next = await NumberSequence.TakeAsync(db, $"application:{department}:{today.Year}", cancellationToken);
        var submitted = application.Submit(NumberSequence.Compose(department, today.Year, next), today);
        if (submitted.IsSuccess)
        {
            await RescheduleAndTellAsync(db, calendars, notifier, application, today, "已提交", cancellationToken);
        }

        return submitted;
    }

    /// <summary>Sets the worklist's due date and tells the company where its application now stands.</summary>
    public static async Task RescheduleAndTellAsync(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, Application application, DateOnly today, string done, CancellationToken cancellationToken)
    {
        application.Reschedule(await calendars.GetAsync(db, cancellationToken), today);
        var next = application.State switch
        {
            ApplicationState.Submitted => $"请等待窗口受理（{Application.AcceptanceDays} 个工作日内答复）。",
            ApplicationState.Accepted => "已受理，进入审查。",
            ApplicationState.Filed => "已备案，可以开展经营。",
            ApplicationState.Approved => "已当场作出准予许可决定。",
            _ => string.Empty,
        };
        notifier.Tell(Mailboxes.Company(application.Uscc), $"{application.Number}：{ApplicationStates.Name(application.State)}", $"您申请的{application.Item.Name}（编号 {application.Number}）{done}。{next}", $"/Licensing/Application/{application.Id}");
    }
}
