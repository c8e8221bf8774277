using Zhengzhao.Calendar;
using Zhengzhao.Common;
using Zhengzhao.Notifications;
using Zhengzhao.Persistence;

namespace Zhengzhao.Licensing;

/// <summary>加强准入管理: a reviewer records the risk assessment, the on-site verification or the expert review, with its files.</summary>
public sealed class RecordAssessment(ZhengzhaoDbContext db, CalendarCache calendars, Notifier notifier, TimeProvider time) : IUseCase
{
    private readonly ApplicationDesk _desk = new(db, calendars, notifier, time);

    public async Task<Result<Application>> HandleAsync(Guid id, AssessmentKind kind, string? record, string? findings, IReadOnlyList<Guid> attachments, Officer officer, CancellationToken cancellationToken = default) =>
        FieldErrors.OverLimit(LicensingRefusals.TextTooLong, ("record", record, TextLimits.Statement, "评估核查记录"), ("findings", findings, TextLimits.Reason, "评估核查结论")) is { } tooLong
            ? tooLong
            : await _desk.ActAsync(id, officer, Desk.Review, new("licensing.assessed", (a, day) => a.RecordAssessment(kind, record, findings, attachments, officer.Actor.UserName, day.On), a => $"{AssessmentNames.Name(kind)}：{a.Assessments[^1].Findings}") { Uploads = attachments }, cancellationToken);
}
