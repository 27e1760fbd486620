extern alias OperatorBackend;

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using OperatorBackend::SelfService.Samples.OperatorBackend;

namespace SelfService.Gateway.Tests;

/// <summary>The gateway on the HTTP provisioning backend: the sample operator's REST service, or one that is down.</summary>
public class ProvisioningBackendTests
{
    [Test]
    public async Task HttpBackend_OperatorRestService_ActivatesThroughIt()
    {
        using var folder = new TemporaryFolder();
        await using var backend = OperatorBackendApp.Build([], folder.File("operator.db"), Path.Combine(RepositoryPaths.Samples, "operator"));
        backend.Urls.Add("http://127.0.0.1:0");
        await backend.StartAsync();
        var backendAddress = backend.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Provisioning:Kind"] = "Http",
            ["Provisioning:Http:BaseAddress"] = backendAddress + "/",
        });
        using var http = await gateway.CreateLoopbackClientAsync();
        var chat = await ChatSession.StartAsync(http);
        await chat.LinkAsync("+79031112233");

        Assert.That((await chat.AskAsync("БАЛАНС")).Text, Is.EqualTo("Баланс: 5,00 RUB. Тариф: Базовый."));
        await chat.AskAsync("ВКЛ АОН");
        Assert.That((await chat.AskAsync("ДА")).Text, Does.StartWith("Услуга «Определитель номера» подключена"));
        Assert.That((await chat.AskAsync("ВКЛ СМСПАКЕТ")).Text, Does.StartWith("Подключить"));
        Assert.That((await chat.AskAsync("ДА")).Text, Is.EqualTo("Недостаточно средств для «Пакет 300 SMS»: баланс 5,00 RUB. Пополните счёт и повторите."));
        await backend.StopAsync();
    }

    [Test]
    public async Task HttpBackend_Unreachable_CustomerIsToldToTryLater()
    {
        var closedPort = ClosedPort();
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Provisioning:Kind"] = "Http",
            ["Provisioning:Http:BaseAddress"] = $"http://127.0.0.1:{closedPort}/",
            ["Provisioning:Http:RetryCount"] = "2",
            ["Provisioning:Http:RetryBaseDelay"] = "00:00:00.050",
            ["Provisioning:Http:AttemptTimeout"] = "00:00:01",
            ["Provisioning:Http:TotalTimeout"] = "00:00:03",
        });
        using var http = await gateway.CreateLoopbackClientAsync();
        var chat = await ChatSession.StartAsync(http);

        var reply = await chat.AskAsync("LINK +79161234567");

        Assert.That(reply.Text, Is.EqualTo("The service is temporarily unavailable. Please try again in a few minutes."));
        Assert.That((await chat.AskAsync("HELP")).Text, Does.StartWith("Commands:"), "the gateway keeps working");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
