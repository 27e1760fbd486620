using SelfService.ActionCodes;
using SelfService.Testing;

namespace SelfService.Channels.Telegram.Tests.Support;

/// <summary>The sample operator's action catalogue (samples/operator/actions.json), which the bot commands map onto.</summary>
internal static class SampleCatalogue
{
    public static ActionCatalogue Load() => ActionCatalogue.Load(RepositoryPaths.Catalogue);
}
