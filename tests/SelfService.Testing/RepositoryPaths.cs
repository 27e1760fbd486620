namespace SelfService.Testing;

/// <summary>Finds the checkout (the folder with SelfService.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string OperatorSamples => Path.Combine(Samples, "operator");

    public static string KnowledgeBaseSamples => Path.Combine(Samples, "knowledgebase");

    public static string Catalogue => Path.Combine(OperatorSamples, "actions.json");

    public static string Menus => Path.Combine(OperatorSamples, "menus.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SelfService.sln"))) return dir.FullName;
        throw new InvalidOperationException("SelfService.sln not found above " + AppContext.BaseDirectory);
    }
}
