using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.DirectLine;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe's finding: the Direct Line streamUrl, which carries the token, was built from the request's Host header,
/// so a client could make the gateway hand out a URL pointing anywhere. It comes from configuration or the connection.
/// </summary>
public class StreamUrlTests : DirectLineGatewayTest
{
    // AllowedHosts turns a foreign Host away at the edge (see AllowedHostsTests); opened here, the stream URL must hold on its own.
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["AllowedHosts"] = "*";
            return settings;
        }
    }

    [Test]
    public async Task ForgedHostHeader_DoesNotReachTheStreamUrl()
    {
        var (conversationId, token) = await NewConversationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Host = "evil.example";

        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var streamUrl = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;

        Assert.That(streamUrl, Does.Not.Contain("evil.example"));
        Assert.That(streamUrl, Does.StartWith($"ws://{BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?"));
    }
}

/// <summary>With a configured public base URL, the streamUrl uses it (wss for https).</summary>
public class ConfiguredStreamUrlTests : DirectLineGatewayTest
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Channels:DirectLine:PublicBaseUrl"] = "https://chat.operator.example/";
            return settings;
        }
    }

    [Test]
    public async Task PublicBaseUrl_IsTheStreamUrlsBase()
    {
        using var response = await SendAsync(HttpMethod.Post, "/conversations", Secret);
        response.EnsureSuccessStatusCode();
        var streamUrl = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;

        Assert.That(streamUrl, Does.StartWith("wss://chat.operator.example/v3/directline/conversations/"));
    }
}

/// <summary>By default only the loopback names the gateway listens under are served; any other Host is a 400.</summary>
public class AllowedHostsTests : DirectLineGatewayTest
{
    [TestCase("evil.example", 400)]
    [TestCase("localhost", 200)]
    public async Task HostHeader_OnlyTheGatewaysOwnNamesAreServed(string host, int expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;

        using var response = await Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(expected));
    }
}
