using System.Text.Json;
using SelfService.ActionCodes;
using SelfService.Commands.Understanding;
using SelfService.Provisioning;
using SelfService.Testing;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>The interpreter over the sample operator's catalogue and services, as the gateway builds it.</summary>
internal static class SampleInterpreter
{
    public static ActionCatalogue Catalogue { get; } = ActionCatalogue.Load(RepositoryPaths.Catalogue);

    public static IReadOnlyList<ServiceOffer> Services { get; } =
        JsonSerializer.Deserialize<List<ServiceOffer>>(File.ReadAllText(Path.Combine(RepositoryPaths.OperatorSamples, "services.json")), JsonSerializerOptions.Web)!;

    public static RequestInterpreter Interpreter { get; } = new(Catalogue, Services);
}
