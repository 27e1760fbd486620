using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Transcript;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// The gateway's chat page at "/": Microsoft Web Chat, served from the gateway itself (no CDN), talking Direct Line to
/// /v3/directline. The page never sees a secret: it asks /api/directline/session for a token bound to its conversation.
/// </summary>
public static class WebChatPageEndpoints
{
    /// <summary>The botframework-webchat release whose bundle is embedded (the project's WebChatVersion).</summary>
    public const string WebChatVersion = "4.18.1";

    public const string BundlePath = "/webchat/" + WebChatVersion + "/webchat.js";

    private const int MaxSessionRequestBytes = 4096;

    internal static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", ServePage);
        routes.MapGet(BundlePath, ServeBundle);
        routes.MapPost("/api/directline/session", StartOrResumeAsync).RequireRateLimiting(AnonymousRateLimits.CreateConversation);
        return routes;
    }

    // Web Chat injects its styles at run time (CSS-in-JS), so this page allows inline styles; scripts stay strict.
    private static readonly Lazy<string> PagePolicy = new(() =>
    {
        using var reader = new StreamReader(Resource("index.html"));
        return PageSecurityPolicy.For(reader.ReadToEnd(), allowInjectedStyles: true);
    });

    private static IResult ServePage(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = PagePolicy.Value;
        return TypedResults.Stream(Resource("index.html"), "text/html; charset=utf-8");
    }

    /// <summary>The version is in the path, so the bundle may be cached for a year.</summary>
    private static IResult ServeBundle(HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Stream(Resource("webchat.js"), "text/javascript; charset=utf-8");
    }

    /// <summary>
    /// Resumes the conversation of the token the page kept (even a little expired, within PageResumeWindow: the token's
    /// signature proves the page was given that conversation), or starts a new one.
    /// </summary>
    private static async Task<IResult> StartOrResumeAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineTranscripts transcripts, IOptions<DirectLineOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await LimitedBody.ReadAsync(request.Body, MaxSessionRequestBytes, cancellationToken);
        if (body is null) return DirectLineErrors.TooLarge(MaxSessionRequestBytes);
        PageSessionRequest? kept = null;
        if (body.Length > 0)
        {
            try { kept = JsonSerializer.Deserialize(body, DirectLineJson.Wire.PageSessionRequest); }
            catch (JsonException ex) { return DirectLineErrors.BadArgument("The body must be {\"token\": …} or empty: " + ex.Message); }
        }

        var now = time.GetUtcNow();
        var check = tokens.Check(kept?.Token);
        var resumable = check is { Status: not TokenStatus.Invalid, ConversationId: { } id, ExpiresAt: { } expiresAt }
            && now < expiresAt + options.Value.PageResumeWindow && await transcripts.ExistsAsync(id, cancellationToken);
        var conversationId = resumable ? check.ConversationId! : await transcripts.CreateConversationAsync(now, cancellationToken);
        var issued = tokens.Issue(conversationId);
        return TypedResults.Json(new PageSession(conversationId, issued.Token, issued.ExpiresInSeconds, resumable), DirectLineJson.Wire.PageSession);
    }

    private static Stream Resource(string name) =>
        typeof(WebChatPageEndpoints).Assembly.GetManifestResourceStream("SelfService.Channels.DirectLine." + name)
        ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the build.");
}
