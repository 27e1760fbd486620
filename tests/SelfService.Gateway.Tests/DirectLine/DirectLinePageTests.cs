using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Channels.DirectLine;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>The page at "/" and what it needs from the gateway: the Web Chat bundle and a token without the secret.</summary>
public class DirectLinePageTests : DirectLineGatewayTest
{
    [Test]
    public async Task Root_ServesTheWebChatPageWithTheBundleFromTheGateway()
    {
        var page = await Http.GetStringAsync("/");

        Assert.That(page, Does.Contain($"<script src=\"{WebChatPageEndpoints.BundlePath}\"></script>"));
        Assert.That(page, Does.Contain("/api/directline/session"));
        Assert.That(page, Does.Not.Contain("https://"), "nothing comes from a CDN");
        Assert.That(page, Does.Not.Contain(Secret));
    }

    [Test]
    public async Task Bundle_IsWebChatWithALongCacheLifetime()
    {
        using var response = await Http.GetAsync(WebChatPageEndpoints.BundlePath);
        var script = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(response.Headers.CacheControl!.MaxAge, Is.EqualTo(TimeSpan.FromDays(365)));
        Assert.That(script, Does.Contain("renderWebChat").And.Contain("createDirectLine"));
        Assert.That(script.Length, Is.GreaterThan(1_000_000));
    }

    [Test]
    public async Task Session_NoKeptToken_StartsAConversationTheTokenWorksFor()
    {
        var session = await SessionAsync(null);

        Assert.That(session.GetProperty("resumed").GetBoolean(), Is.False);
        using var response = await PostActivityAsync(session.GetProperty("conversationId").GetString()!, session.GetProperty("token").GetString(), Message("Привет"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Session_KeptToken_ResumesItsConversationWithANewToken()
    {
        var first = await SessionAsync(null);

        var again = await SessionAsync(first.GetProperty("token").GetString());

        Assert.That(again.GetProperty("resumed").GetBoolean(), Is.True);
        Assert.That(again.GetProperty("conversationId").GetString(), Is.EqualTo(first.GetProperty("conversationId").GetString()));
        Assert.That(again.GetProperty("token").GetString(), Is.Not.EqualTo(first.GetProperty("token").GetString()));
    }

    [Test]
    public async Task Session_KeptTokenExpiredWithinTheResumeWindow_Resumes()
    {
        var first = await SessionAsync(null);
        var conversationId = first.GetProperty("conversationId").GetString()!;

        var again = await SessionAsync(ExpiredToken(conversationId));

        Assert.That(again.GetProperty("conversationId").GetString(), Is.EqualTo(conversationId));
    }

    [Test]
    public async Task Session_ForgedToken_StartsANewConversation()
    {
        var first = await SessionAsync(null);
        var token = first.GetProperty("token").GetString()!;

        var again = await SessionAsync(token[..^3] + (token[^3] == 'a' ? "bbb" : "aaa"));

        Assert.That(again.GetProperty("resumed").GetBoolean(), Is.False);
        Assert.That(again.GetProperty("conversationId").GetString(), Is.Not.EqualTo(first.GetProperty("conversationId").GetString()));
    }

    private async Task<JsonElement> SessionAsync(string? keptToken)
    {
        using var response = await Http.PostAsJsonAsync("/api/directline/session", new { token = keptToken });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>With the channel off (the default), "/" leads to the foundation's chat page and /v3/directline does not exist.</summary>
public class DirectLineDisabledTests : LoopbackGatewayTest
{
    [Test]
    public async Task Root_RedirectsToTheFallbackPage()
    {
        using var response = await Http.GetAsync("/");

        Assert.That(response.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/webchat"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DirectLine_IsNotThere()
    {
        using var response = await Http.PostAsync("/v3/directline/tokens/generate", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}

/// <summary>An enabled channel with bad settings stops the start, naming each one.</summary>
public class DirectLineSettingsTests
{
    [Test]
    public void Start_EnabledWithoutSecrets_FailsNamingTheSetting()
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?>
        {
            ["Channels:DirectLine:Enabled"] = "true",
            ["Channels:DirectLine:StreamQueueCapacity"] = "0",
        });

        var error = Assert.Catch(() => gateway.CreateAnonymousClient().Dispose());

        Assert.That(error!.ToString(), Does.Contain("Channels:DirectLine:Secrets must list at least one secret"));
        Assert.That(error.ToString(), Does.Contain("Channels:DirectLine:StreamQueueCapacity"));
    }
}
