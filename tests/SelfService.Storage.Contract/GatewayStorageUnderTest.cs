namespace SelfService.Storage.Contract;

/// <summary>An engine's opened storage as the contract drives it; the engine's tests add how its containers are listed and how it closes.</summary>
public abstract class GatewayStorageUnderTest(IGatewayStorage storage) : IStorageUnderTest
{
    public IGatewayStorage Storage => storage;

    public abstract IReadOnlyCollection<string> Containers();

    public abstract ValueTask DisposeAsync();
}
