namespace Zhengzhao.ReferenceData;

/// <summary>The data files embedded in the core assembly (copied from the project's shared data, never read from there).</summary>
public static class EmbeddedFiles
{
    private const string Prefix = "Zhengzhao.ReferenceData.";

    public static Stream Open(string path) =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(Prefix + path)
        ?? throw new FileNotFoundException($"Reference data '{path}' is not embedded.", path);

    /// <summary>The paths of the files in a folder, such as <c>holidays-cn/2023.json</c>.</summary>
    public static IEnumerable<string> List(string folder) =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder + "/", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal);
}
