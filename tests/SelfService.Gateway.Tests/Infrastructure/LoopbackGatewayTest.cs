namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>A fresh gateway per test, on Kestrel at a loopback port, with the test's settings over appsettings.json.</summary>
public abstract class LoopbackGatewayTest
{
    private GatewayFactory _gateway = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Settings this fixture's gateway runs with, besides the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public void StartGateway()
    {
        _gateway = new GatewayFactory(Settings);
        Http = _gateway.CreateLoopbackClient();
    }

    [TearDown]
    public void StopGateway()
    {
        Http.Dispose();
        _gateway.Dispose();
    }
}
