namespace SelfService.Speech.Tests;

/// <summary>The checkout (the folder with SelfService.sln), found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string OperatorSamples => Path.Combine(Root, "samples", "operator");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SelfService.sln"))) return dir.FullName;
        throw new InvalidOperationException("SelfService.sln not found above " + AppContext.BaseDirectory);
    }
}
