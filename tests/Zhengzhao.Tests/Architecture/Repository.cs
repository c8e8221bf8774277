namespace Zhengzhao.Tests.Architecture;

/// <summary>The checkout the tests run from, found upwards from the test assembly by the solution file.</summary>
public static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string folder) =>
        File.Exists(Path.Combine(folder, "Zhengzhao.slnx")) ? folder
        : Directory.GetParent(folder) is { } parent ? Find(parent.FullName)
        : throw new InvalidOperationException("The tests run outside the repository: no Zhengzhao.slnx above " + AppContext.BaseDirectory);
}
