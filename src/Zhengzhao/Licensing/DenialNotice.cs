namespace Zhengzhao.Licensing;

/// <summary>
/// The reasons-and-remedies part of a 不予行政许可决定书 (行政许可法 第三十八条): the written reasons, then the right to
/// apply for administrative reconsideration within 60 days (行政复议法 第二十条) or to sue within six months
/// (行政诉讼法 第四十六条), naming the body that hears the reconsideration. Pure: the decision letter
/// (<see cref="ApplicationLetters"/>) prints it between its addressee and its seal.
/// </summary>
public static class DenialNotice
{
    public sealed record Input(string ItemName, string? ApplicationNumber, string Reasons, string ReconsiderationBody);

    public static IReadOnlyList<string> Paragraphs(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var number = string.IsNullOrEmpty(input.ApplicationNumber) ? string.Empty : $"（受理编号 {input.ApplicationNumber}）";
        return
        [
            $"你（单位）提出的“{input.ItemName}”申请{number}，经审查，本机关决定不予行政许可。根据《中华人民共和国行政许可法》第三十八条第二款的规定，现将理由和救济途径告知如下。理由：",
            input.Reasons.Trim(),
            Remedies(input.ReconsiderationBody),
        ];
    }

    /// <summary>The remedies against any refusing decision of the department: a refusal to accept carries the same rights.</summary>
    public static string Remedies(string reconsiderationBody) =>
        $"如不服本决定，可以自收到本决定书之日起六十日内向{reconsiderationBody}申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

    /// <summary>
    /// The body a department's decisions are reconsidered by: since the 2023 行政复议法 (第二十四条), the people's
    /// government at the department's own level.
    /// </summary>
    public static string ReconsiderationBody(string regionName) => $"{regionName}人民政府";
}
