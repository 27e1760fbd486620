namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>A fresh gateway per test, on Kestrel at a loopback port, with the test's settings over appsettings.json.</summary>
public abstract class LoopbackGatewayTest
{
    /// <summary>The running gateway: for clients of other roles (<see cref="GatewayFactory.CreateStaffClient"/>) or none.</summary>
    protected GatewayFactory Gateway { get; private set; } = null!;

    /// <summary>A client signed in as an admin: customers' endpoints ignore it, staff APIs accept it.</summary>
    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Settings this fixture's gateway runs with, besides the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public async Task StartGatewayAsync()
    {
        Gateway = new GatewayFactory(Settings);
        Http = await Gateway.CreateLoopbackClientAsync();
    }

    [TearDown]
    public void StopGateway()
    {
        Http.Dispose();
        Gateway.Dispose();
    }
}
