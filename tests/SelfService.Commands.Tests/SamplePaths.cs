namespace SelfService.Commands.Tests;

internal static class SamplePaths
{
    /// <summary>The checkout root: the folder holding SelfService.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SelfService.sln"))) return dir.FullName;
        throw new InvalidOperationException("SelfService.sln not found");
    }
}
