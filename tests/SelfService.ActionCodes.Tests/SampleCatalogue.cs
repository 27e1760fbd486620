using SelfService.ActionCodes;

namespace SelfService.ActionCodes.Tests;

/// <summary>The sample operator's catalogue, read from the repository rather than copied, so the tests check the file we ship.</summary>
internal static class SampleCatalogue
{
    private static readonly Lazy<ActionCatalogue> Catalogue = new(() => ActionCatalogue.Load(FilePath));

    public static string FilePath => Path.Combine(RepositoryRoot(), "samples", "operator", "actions.json");

    public static ActionCatalogue Load() => Catalogue.Value;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SelfService.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SelfService.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
