using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>一次性告知: the window tells the applicant every missing or faulty material at once; the clock waits for the supplement.</summary>
public sealed class RequestSupplement(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public const int MaxItems = 50;

    public async Task<Result<Application>> HandleAsync(Guid id, IReadOnlyList<MissingMaterial> items, Officer officer, CancellationToken cancellationToken = default) =>
        TooLong(items) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Window, new("licensing.supplement-requested", (a, day) => a.RequestSupplement(officer.Actor.UserName, items, day.On), a => $"一次性告知补正：{string.Join("；", a.Supplement!.Items.Select(i => $"{i.Material}（{i.Problem}）"))}"), cancellationToken);

    private static Refusal? TooLong(IReadOnlyList<MissingMaterial> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > MaxItems)
        {
            return LicensingRefusals.TooManySupplementItems(MaxItems);
        }

        var errors = new FieldErrors();
        foreach (var item in items)
        {
            errors.OptionalText("items.material", item.Material, TextLimits.Name, "补正的材料名称", TextKind.Paragraph);
            errors.OptionalText("items.problem", item.Problem, TextLimits.Remark, "补正的问题说明", TextKind.Paragraph);
        }

        return errors.Any ? errors.Refusal(LicensingRefusals.TextTooLong, "内容过长") : null;
    }
}
