using Zhengzhao.Common;

namespace Zhengzhao.Licensing;

/// <summary>The written instruments (文书) an application gives the applicant.</summary>
public enum LetterKind
{
    /// <summary>受理通知书.</summary>
    Acceptance,

    /// <summary>补正告知书: the one-time notification, in writing.</summary>
    Supplement,

    /// <summary>不予受理决定书.</summary>
    NotAccepted,

    /// <summary>准予 or 不予行政许可决定书, as decided.</summary>
    Decision,

    /// <summary>办理期限暂停告知书: one for each stop of the clock for testing, expert review or a hearing (第四十五条).</summary>
    Pause,
}

/// <summary>
/// Which letter: its kind, and for a pause letter which of the application's pauses for testing, expert review or a
/// hearing it tells (1 for the first). The other kinds exist once per application.
/// </summary>
public sealed record LetterRef(LetterKind Kind, int Pause = 0)
{
#pragma warning disable CA2225 // A kind names its one letter; the constructor is the named alternative.
    public static implicit operator LetterRef(LetterKind kind) => new(kind);
#pragma warning restore CA2225
}

/// <summary>A paragraph of a letter, and the numbered list it introduces, if any.</summary>
public sealed record LetterParagraph(string Text, IReadOnlyList<string>? List = null);

/// <summary>
/// A letter as printed under the issuing department's heading and seal. <see cref="Reference"/> is its document
/// number (文号), distinct per application and kind; <see cref="On"/> is the day of the act it records, not the day
/// it is printed, so a reprint is the same letter.
/// </summary>
public sealed record ApplicationLetter(LetterKind Kind, string Title, string Reference, string Addressee, string Uscc, IReadOnlyList<LetterParagraph> Body, string Issuer, DateOnly On);

/// <summary>
/// What a letter names that the application does not hold: the company, the issuing department, the body that hears
/// a reconsideration of the department's decisions, and officers' display names by account name.
/// </summary>
public sealed record LetterParties(string CompanyName, string DepartmentName, string ReconsiderationBody, IReadOnlyDictionary<string, string> Officers)
{
    /// <summary>An account without a display name still prints: the letter must name who acted.</summary>
    public string Officer(string account) => Officers.GetValueOrDefault(account, account);
}

/// <summary>
/// 文书: the acceptance notice, the one-time supplement notification, the decision not to accept, the decision
/// letter and a notice of each pause of an application, composed from its ledger. 行政许可法 第三十二条 requires the
/// first three in writing, 第三十八条 the decision, 第四十五条 the pauses. A letter exists only once the application has done what it records; asked for earlier, the
/// answer is a not-found refusal. Pure: the names and the clock reading come in.
/// </summary>
public static class ApplicationLetters
{
    private const string Law = "《中华人民共和国行政许可法》";

    /// <summary>The letter's name in a page address: its kind, and a pause letter's number, e.g. "pause-2".</summary>
    public static string Slug(LetterRef letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return letter.Kind switch
        {
            LetterKind.Acceptance => "acceptance",
            LetterKind.Supplement => "supplement",
            LetterKind.NotAccepted => "not-accepted",
            LetterKind.Pause => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pause-{letter.Pause}"),
            _ => "decision",
        };
    }

    public static LetterRef? FromSlug(string? slug)
    {
        if (slug?.StartsWith("pause-", StringComparison.Ordinal) == true)
        {
            return int.TryParse(slug.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pause) && pause > 0
                ? new LetterRef(LetterKind.Pause, pause)
                : null;
        }

        foreach (var kind in Enum.GetValues<LetterKind>().Where(k => k != LetterKind.Pause))
        {
            if (string.Equals(Slug(kind), slug, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The letters the application has by now, a pause letter for each of its pauses.</summary>
    public static IReadOnlyList<LetterRef> Available(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return
        [
            .. Enum.GetValues<LetterKind>().Where(kind => kind != LetterKind.Pause && Unavailable(application, kind) is null).Select(kind => (LetterRef)kind),
            .. Enumerable.Range(1, ToldPauses(application).Count).Select(n => new LetterRef(LetterKind.Pause, n)),
        ];
    }

    public static string Title(Application application, LetterRef letter)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(letter);
        var title = Heading(application, letter.Kind).Title;
        return letter.Kind == LetterKind.Pause && ToldPauses(application).ElementAtOrDefault(letter.Pause - 1) is { } pause ? $"{title}（{PauseNames.Name(pause.Kind)}）" : title;
    }

    /// <summary>
    /// The letter of the kind, or why the application has none. The clock reading is the application's (it dates the
    /// acceptance notice's deadlines, pauses and extension included); it is null only before acceptance.
    /// </summary>
    public static Result<ApplicationLetter> Compose(Application application, LetterRef letter, LetterParties parties, ClockReading? clock)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(parties);
        if (Unavailable(application, letter) is { } refusal)
        {
            return refusal;
        }

        var kind = letter.Kind;
        if (kind == LetterKind.Pause)
        {
            var pause = ToldPauses(application)[letter.Pause - 1];
            return new ApplicationLetter(kind, Title(application, letter), $"停字〔{application.Number}〕第{letter.Pause}号", parties.CompanyName, application.Uscc, PauseBody(application, pause), parties.DepartmentName, pause.From);
        }

        var (body, on) = kind switch
        {
            LetterKind.Acceptance => (AcceptanceBody(application, parties, clock ?? throw new ArgumentException("An accepted application is read with its clock.", nameof(clock))), application.AcceptedOn!.Value),
            LetterKind.Supplement => (SupplementBody(application, parties), application.Supplement!.RequestedOn),
            LetterKind.NotAccepted => (NotAcceptedBody(application, parties), application.ClosedOn!.Value),
            _ => (DecisionBody(application, parties), application.Decision!.On),
        };
        var (title, code) = Heading(application, kind);
        return new ApplicationLetter(kind, title, $"{code}〔{application.Number}〕号", parties.CompanyName, application.Uscc, body, parties.DepartmentName, on);
    }

    private static (string Title, string Code) Heading(Application application, LetterKind kind) => kind switch
    {
        LetterKind.Acceptance => ("受理通知书", "受字"),
        LetterKind.Supplement => ("补正告知书", "补字"),
        LetterKind.NotAccepted => ("不予受理决定书", "不受字"),
        LetterKind.Pause => ("办理期限暂停告知书", "停字"),
        _ => application.Decision is { Approve: false } ? ("不予行政许可决定书", "不许字") : ("准予行政许可决定书", "准字"),
    };

    /// <summary>The pauses a pause letter tells, in order: a supplement's pause is told by the 补正告知书 instead.</summary>
    private static List<ClockPause> ToldPauses(Application application) => [.. application.Pauses.Where(p => p.Kind != PauseKind.Supplement)];

    private static Refusal? Unavailable(Application application, LetterRef letter)
    {
        var missing = letter.Kind switch
        {
            LetterKind.Acceptance when application.AcceptedOn is null => "本申请尚未受理，还没有受理通知书。",
            LetterKind.Supplement when application.Supplement is null => "本申请没有一次性告知补正，没有补正告知书。",
            LetterKind.NotAccepted when application.State != ApplicationState.NotAccepted => "本申请没有被决定不予受理，没有不予受理决定书。",
            LetterKind.Decision when application.Decision is null => "本申请尚未作出许可决定，还没有决定书。",
            LetterKind.Pause when letter.Pause < 1 || letter.Pause > ToldPauses(application).Count => "本申请没有这一次暂停计时，没有该暂停告知书。",
            _ => null,
        };
        return missing is null ? null : new Refusal("licensing/letter-unavailable", "没有该文书", missing, RefusalKind.NotFound);
    }

    private static string Opening(Application application) =>
        $"你单位于{application.SubmittedOn:yyyy年M月d日}提出的“{application.Item.Name}”行政许可申请（编号 {application.Number}）";

    private static List<LetterParagraph> AcceptanceBody(Application application, LetterParties parties, ClockReading clock)
    {
        var limits = application.Item.Limits;
        var ground = application.Route == ApplicationRoute.Commitment ? "你单位已签署告知承诺书并提交了规定材料" : "申请材料齐全、符合法定形式";
        var promise = limits.CommittedDays == 0 ? "本事项承诺当场办结" : $"本机关承诺于{clock.CommittedDue:yyyy年M月d日}前作出决定（承诺时限{limits.CommittedDays}个工作日）";
        var body = new List<LetterParagraph>
        {
            new($"{Opening(application)}，{ground}。根据{Law}第三十二条第一款第（五）项的规定，本机关决定予以受理，受理日期为{application.AcceptedOn:yyyy年M月d日}。"),
            new($"{promise}；依照{Law}第四十二条，法定办理期限至{clock.StatutoryDue:yyyy年M月d日}（{limits.StatutoryDays}个工作日）。依法需要听证、检验、检测、专家评审的时间和你单位补正材料的时间，不计入上述期限（第四十五条），期限相应顺延。"),
        };
        if (application.Extension is { } extension)
        {
            body.Add(new($"经本机关负责人批准，办理期限延长{extension.Days}个工作日，理由：{extension.Reason}。上述期限已包含延长的期限。"));
        }

        // An application filed online on the commitment route has no first-responsible officer until one acts on it.
        if (application.Owner.Length > 0)
        {
            body.Add(new($"本申请实行首办责任制，首办责任人为{parties.Officer(application.Owner)}，在办结或者依规定移交前负责办理本申请。"));
        }

        const string Follow = "你单位可以凭编号登录本平台“我的申请”，随时查询办理进度和期限";
        body.Add(application.Item.Steps.Count > 0
            ? new($"{Follow}。本事项公开的办理环节及时限如下：", [.. application.Item.Steps.Select(s => $"{s.Name}（{s.LimitDays}个工作日）")])
            : new($"{Follow}。"));
        return body;
    }

    private static List<LetterParagraph> SupplementBody(Application application, LetterParties parties)
    {
        var notice = application.Supplement!;

        // Asked before acceptance there is no clock yet; asked during review the request paused it (see the ledger).
        var clock = application.Pauses.Any(p => p.Kind == PauseKind.Supplement)
            ? "自本告知书发出之日起，本申请的办理期限暂停计算，自你单位补正全部材料之日起恢复计算；补正材料的时间不计入办理期限。"
            : "补正全部材料前，本申请暂不受理、不计算办理期限；你单位补正全部材料后，本机关依法作出是否受理的决定。";
        return
        [
            new($"{Opening(application)}，经审查，申请材料不齐全或者不符合法定形式。根据{Law}第三十二条第一款第（四）项的规定，现一次性告知你单位需要补正的全部内容：", [.. notice.Items.Select(i => $"{i.Material}：{i.Problem}")]),
            new("以上为本申请需要补正的全部内容。本告知为一次性告知，本机关不会就本申请再次要求补正材料。"),
            new(clock),
            new("请通过本平台“我的申请”逐项上传补正材料，或者携带补正材料到政务服务窗口办理。"),
            new($"经办人：{parties.Officer(notice.RequestedBy)}"),
        ];
    }

    private static List<LetterParagraph> PauseBody(Application application, ClockPause pause)
    {
        var cause = PauseNames.Name(pause.Kind);
        var reason = pause.Reason == cause ? string.Empty : $"（{pause.Reason}）";
        return
        [
            new($"{Opening(application)}，本机关已于{application.AcceptedOn:yyyy年M月d日}受理。因本申请需要{cause}{reason}，根据{Law}第四十五条的规定，{cause}所需时间不计入办理期限，本申请的办理期限自{pause.From:yyyy年M月d日}起暂停计算。"),
            new(pause.To is { } resumed
                ? $"{cause}已于{resumed:yyyy年M月d日}结束，办理期限自该日起恢复计算，已经过的期限连续计算。"
                : $"{cause}结束之日起，办理期限恢复计算，已经过的期限连续计算；恢复时本机关将通过本平台告知你单位。"),
            new("你单位可以凭编号登录本平台“我的申请”，随时查询办理进度和期限。"),
        ];
    }

    private static List<LetterParagraph> NotAcceptedBody(Application application, LetterParties parties) =>
    [
        new($"{Opening(application)}，经审查，根据{Law}第三十二条第一款的规定，本机关决定不予受理。理由及依据如下："),
        new(application.NotAcceptedReason!),
        new(DenialNotice.Remedies(parties.ReconsiderationBody)),
    ];

    private static List<LetterParagraph> DecisionBody(Application application, LetterParties parties)
    {
        var decision = application.Decision!;
        var body = decision.Approve
            ? ApprovalBody(application, decision)
            : [.. DenialNotice.Paragraphs(new(application.Item.Name, application.Number, decision.Reasons, parties.ReconsiderationBody)).Select(p => new LetterParagraph(p))];
        body.Add(new(decision.DecidedBy == Application.OnTheSpotDecider
            ? "办理方式：告知承诺，当场办结。"
            : $"承办人：{parties.Officer(decision.DecidedBy)}{(decision.SignedOffBy is { } checker ? $"；复核人：{parties.Officer(checker)}" : string.Empty)}"));
        return body;
    }

    private static List<LetterParagraph> ApprovalBody(Application application, Decision decision)
    {
        var body = new List<LetterParagraph>
        {
            new($"{Opening(application)}，经审查，符合法定条件、标准。根据{Law}第三十八条第一款的规定，本机关决定准予行政许可。"),
        };
        if (decision.Reasons.Length > 0)
        {
            body.Add(new($"审查意见：{decision.Reasons}"));
        }

        body.Add(new($"依照{Law}第三十九条、第四十四条，本机关向你单位颁发许可证件；电子证照可以在本平台“我的证照”中查看、打印和扫码核验。"));
        if (application.Route == ApplicationRoute.Commitment)
        {
            body.Add(new("本决定依据你单位签署的告知承诺书作出。本机关将在核查期内核查承诺内容；承诺不实的，依法撤销行政许可，并记入你单位的信用记录。"));
        }

        return body;
    }
}
