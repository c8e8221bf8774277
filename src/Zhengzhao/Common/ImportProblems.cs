namespace Zhengzhao.Common;

/// <summary>
/// How many problems an import's report lists; the rest are counted on one last line. A file of wrong rows repeats the
/// same few mistakes, which the first thousand show; listing them all let a 1 MB file of bad rows make a 131 MB
/// report, stored with the run and served whole. The company import and the catalogue import report alike.
/// </summary>
public static class ImportProblems
{
    public const int Listed = 1_000;

    /// <summary>
    /// What a refused file's problem list opens with: the count, and when it is cut, that only the first are listed,
    /// so a reader knows before scrolling through a thousand rows.
    /// </summary>
    public static string Found(int found) => found > Listed
        ? $"文件中有 {found:N0} 处问题，未写入任何数据；下列前 {Listed:N0} 处"
        : $"文件中有 {found:N0} 处问题，未写入任何数据";

    /// <summary>The last line of a report of <paramref name="found"/> problems, more than <see cref="Listed"/>.</summary>
    public static string Unlisted(int found) => $"另有 {found - Listed:N0} 处问题未列出，请改正以上问题后重新导入。";
}
