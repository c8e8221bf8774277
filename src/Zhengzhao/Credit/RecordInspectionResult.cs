using Microsoft.EntityFrameworkCore;
using Zhengzhao.Audit;
using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Persistence;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>抽查检查结果, in the categories the public record uses (双随机、一公开).</summary>
public enum InspectionOutcome
{
    /// <summary>未发现问题.</summary>
    NoProblem,

    /// <summary>发现问题已责令改正.</summary>
    ProblemRectified,

    /// <summary>未按规定公示应当公示的信息.</summary>
    InformationNotPublished,

    /// <summary>公示信息隐瞒真实情况、弄虚作假.</summary>
    FalseDisclosure,

    /// <summary>通过登记的住所（经营场所）无法联系.</summary>
    Unreachable,

    /// <summary>未发现开展本次抽查涉及的经营活动.</summary>
    NoRelevantActivity,

    /// <summary>已关闭停业或正在组织清算.</summary>
    Closed,
}

/// <summary>
/// The door the inspection module feeds: one inspection's result for one company, published on its credit record
/// under 抽查检查结果. Keyed by the inspection's own id: the same result reported twice is recorded once, a different
/// one under the same id is refused.
/// </summary>
public sealed class RecordInspectionResult(ZhengzhaoDbContext db, CalendarCache calendars, TimeProvider time) : IUseCase
{
    public const int MaxItemLength = 200;

    public sealed record Command(Guid InspectionId, string? Uscc, string? CheckItem, InspectionOutcome? Outcome, DateOnly? InspectedOn, string? Note, string DepartmentCode, Actor Actor);

    public sealed record Recorded(CreditEntry Entry, bool Replayed);

    public async Task<Result<Recorded>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        if (command.InspectionId == Guid.Empty)
        {
            errors.Add("inspectionId", "请提供抽查检查任务的编号。");
        }

        var uscc = errors.Check(command.Uscc);

        var item = errors.Text("checkItem", command.CheckItem, MaxItemLength, "抽查事项");
        if (command.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors.Add("outcome", "请选择检查结果：NoProblem、ProblemRectified、InformationNotPublished、FalseDisclosure、Unreachable、NoRelevantActivity 或 Closed。");
            outcome = default;
        }

        var today = ChinaTime.Today(time);
        var inspectedOn = errors.Date("inspectedOn", command.InspectedOn, today, "检查日期");
        var note = errors.OptionalText("note", command.Note, AbnormalListing.MaxTextLength, "说明", TextKind.Paragraph) ?? string.Empty;

        if (errors.Any)
        {
            return errors.Refusal("credit/invalid-inspection-result", "检查结果有误");
        }

        var title = $"抽查检查：{item}";
        var detail = $"检查结果：{Name(outcome)}{(note.Length > 0 ? $"；{note}" : string.Empty)}；检查日期 {inspectedOn:yyyy-MM-dd}";
        if (await db.CreditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Source == CreditSource.Inspection && e.SourceId == command.InspectionId, cancellationToken) is { } recorded)
        {
            return recorded.Uscc == uscc && recorded.Title == title && recorded.Detail == detail
                ? new Recorded(recorded, Replayed: true)
                : CreditRefusals.InspectionRecorded();
        }

        var decision = await db.DecisionAsync(uscc, command.DepartmentCode, "公示检查结果", cancellationToken);
        if (!decision.IsSuccess)
        {
            return decision.Refusal;
        }

        var (company, decider) = decision.Value;
        if (company.BeforeFounding(inspectedOn, "inspectedOn", "检查日期") is { } tooEarly)
        {
            return tooEarly;
        }

        var calendar = await calendars.GetAsync(db, cancellationToken);
        var entry = CreditEntry.PublishedToday(
            uscc, CreditEntryKind.InspectionResult, title, detail,
            decider, inspectedOn, (calendar, company.RegionCode), today, CreditSource.Inspection, command.InspectionId);
        db.CreditEntries.Add(entry);
        db.Record(command.Actor, time, "credit.inspection-result", nameof(CreditEntry), entry.Id.ToString(), $"{company.Name}（{uscc}）{item}：{Name(outcome)}");
        return await CreditLists.SaveAsync(db, () => new Recorded(entry, Replayed: false), () => HandleAsync(command, cancellationToken), cancellationToken);
    }

    public static string Name(InspectionOutcome outcome) => outcome switch
    {
        InspectionOutcome.NoProblem => "未发现问题",
        InspectionOutcome.ProblemRectified => "发现问题已责令改正",
        InspectionOutcome.InformationNotPublished => "未按规定公示应当公示的信息",
        InspectionOutcome.FalseDisclosure => "公示信息隐瞒真实情况、弄虚作假",
        InspectionOutcome.Unreachable => "通过登记的住所（经营场所）无法联系",
        InspectionOutcome.NoRelevantActivity => "未发现开展本次抽查涉及的经营活动",
        _ => "已关闭停业或正在组织清算",
    };
}
