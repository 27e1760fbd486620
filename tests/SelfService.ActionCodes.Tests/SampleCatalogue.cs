using SelfService.ActionCodes;
using SelfService.Testing;

namespace SelfService.ActionCodes.Tests;

/// <summary>The sample operator's catalogue, read from the repository rather than copied, so the tests check the file we ship.</summary>
internal static class SampleCatalogue
{
    private static readonly Lazy<ActionCatalogue> Catalogue = new(() => ActionCatalogue.Load(FilePath));

    public static string FilePath => RepositoryPaths.Catalogue;

    public static ActionCatalogue Load() => Catalogue.Value;
}
