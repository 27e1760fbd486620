using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// Malformed requests answer 400 with the reason. They are the sender's mistake: logged once per client address and
/// minute at warning level, without a stack trace, so garbage cannot flood the operator's log.
/// </summary>
public class MalformedRequestTests : LoopbackGatewayTest
{
    [Test]
    public async Task UnreadableJson_Repeated_Answers400WithTheReason_AndIsLoggedOnceWithoutAStackTrace()
    {
        for (var i = 0; i < 5; i++)
        {
            using var body = new StringContent("{\"userName\": \"olga\", \"password\": ", Encoding.UTF8, "application/json");
            using var response = await Http.PostAsync("/api/staff/accounts", body);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty, "the problem document says what was wrong");
        }

        var logs = Gateway.Logs.Entries;
        var malformed = logs.Where(l => l.Message.StartsWith("Malformed request from 127.0.0.1", StringComparison.Ordinal)).ToList();
        Assert.That(malformed, Has.Count.EqualTo(1), "once per address and minute");
        Assert.That(malformed[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(malformed[0].Exception, Is.Null, "no stack trace");
        Assert.That(malformed[0].Message, Does.Contain("POST /api/staff/accounts"));
        Assert.That(logs.Where(l => l.Level >= LogLevel.Error).Select(l => l.Message), Is.Empty, "a client's mistake is not the gateway's error");
    }
}

/// <summary>
/// Behind a proxy: X-Forwarded-For is believed only from the proxies in ReverseProxy:KnownProxies, so the log, the audit
/// trail and the rate limits see the client; from anyone else the header is ignored (a client could write any address).
/// </summary>
public class ReverseProxyTests
{
    [TestCase(null, "127.0.0.1")]
    [TestCase("127.0.0.1", "203.0.113.7")]
    [TestCase("192.0.2.0/24", "127.0.0.1")]
    public async Task ForwardedFor_IsBelievedOnlyFromAKnownProxy(string? knownProxy, string loggedAddress)
    {
        using var gateway = new GatewayFactory(knownProxy is null ? null : new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = knownProxy });
        using var http = await gateway.CreateLoopbackClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/accounts")
        {
            Content = new StringContent("{", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(gateway.Logs.Entries.Select(l => l.Message), Has.One.StartsWith($"Malformed request from {loggedAddress}:"));
    }
}
