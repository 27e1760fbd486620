using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Channels.DirectLine.Streaming;
using SelfService.Channels.DirectLine.Transcript;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 under /v3/directline, as Microsoft Web Chat and DirectLineJS call it. Every call carries
/// "Authorization: Bearer &lt;secret or token&gt;" (the stream takes the token as "t"): 403 for a missing, forged or
/// expired credential or another conversation's token, 404 for a conversation the gateway never started.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    internal static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(BasePath);
        api.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(AnonymousRateLimits.CreateConversation);
        api.MapPost("/tokens/refresh", RefreshToken);
        api.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(AnonymousRateLimits.CreateConversation);
        api.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        api.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(AnonymousRateLimits.PostMessage);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        api.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.HandleAsync).RequireRateLimiting(AnonymousRateLimits.PostMessage);
        return routes;
    }

    /// <summary>A secret is traded for a token bound to a new conversation.</summary>
    private static async Task<IResult> GenerateTokenAsync(
        HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts, DirectLineTokens tokens, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (caller.Kind != DirectLineCallerKind.Secret) return DirectLineErrors.Forbidden(caller);
        var issued = tokens.Issue(await transcripts.CreateConversationAsync(time.GetUtcNow(), cancellationToken));
        return TypedResults.Json(new TokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds), DirectLineJson.Wire.TokenResponse);
    }

    /// <summary>A live token is traded for a new one for the same conversation.</summary>
    private static IResult RefreshToken(HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTokens tokens)
    {
        var caller = authorizer.Authorize(request);
        if (caller.Kind != DirectLineCallerKind.Token) return DirectLineErrors.Forbidden(caller);
        var issued = tokens.Issue(caller.ConversationId!);
        return TypedResults.Json(new TokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds), DirectLineJson.Wire.TokenResponse);
    }

    /// <summary>With a secret: a new conversation. With a token: the conversation the token was made for.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts, DirectLineTokens tokens, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (!caller.IsAuthenticated) return DirectLineErrors.Forbidden(caller);
        var conversationId = caller.ConversationId ?? await transcripts.CreateConversationAsync(time.GetUtcNow(), cancellationToken);
        if (!await transcripts.ExistsAsync(conversationId, cancellationToken)) return DirectLineErrors.ConversationNotFound();
        var conversation = ConversationFor(request, tokens.Issue(conversationId), watermark: 0);
        return TypedResults.Json(conversation, DirectLineJson.Wire.Conversation, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Called by clients on every reconnect: a new token and a stream URL that starts after the watermark.</summary>
    private static async Task<IResult> ResumeConversationAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts, DirectLineTokens tokens,
        CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (await RefuseAsync(caller, conversationId, transcripts, cancellationToken) is { } refused) return refused;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark(watermark);
        return TypedResults.Json(ConversationFor(request, tokens.Issue(conversationId), after), DirectLineJson.Wire.Conversation);
    }

    private static async Task<IResult> StreamAsync(
        string conversationId, string? watermark, HttpContext context, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts,
        ConversationStreams streams, IHostApplicationLifetime lifetime)
    {
        var caller = authorizer.Authorize(context.Request);
        if (await RefuseAsync(caller, conversationId, transcripts, context.RequestAborted) is { } refused) return refused;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark(watermark);
        if (!context.WebSockets.IsWebSocketRequest) return DirectLineErrors.BadArgument("The stream is a WebSocket: connect with an Upgrade request.");
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        await streams.ServeAsync(conversationId, socket, after, stopping.Token);
        return TypedResults.Empty;
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts, ConversationStreams streams,
        IInboundSink sink, IOptions<DirectLineOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (await RefuseAsync(caller, conversationId, transcripts, cancellationToken) is { } refused) return refused;
        var limit = options.Value.MaxActivityBytes;
        if (request.ContentLength > limit) return DirectLineErrors.TooLarge(limit);
        var body = await LimitedBody.ReadAsync(request.Body, limit, cancellationToken);
        if (body is null) return DirectLineErrors.TooLarge(limit);
        if (ParseActivity(body) is not { } parsed) return DirectLineErrors.BadArgument("The body is empty; it must be an Activity.");
        if (parsed.Error is { } error) return DirectLineErrors.BadArgument(error);
        var activity = parsed.Activity!;

        // Web Chat and DirectLineJS post typing and event activities too; they are acknowledged, not kept.
        if (activity.Type != "message") return Posted(conversationId + "|" + activity.Type + "-" + Guid.NewGuid().ToString("N"));
        if (string.IsNullOrWhiteSpace(activity.Text))
            return DirectLineErrors.BadArgument("A message activity needs \"text\" (files go to /upload).");
        if (ActivityMapper.ClientId(activity) == "")
            return DirectLineErrors.BadArgument($"The activity id (or channelData.clientActivityID) may be at most {ActivityMapper.MaxClientIdLength} characters.");

        var stored = await AcceptMessageAsync(activity, conversationId, request.HttpContext.Connection.RemoteIpAddress?.ToString(), sink, streams, time, cancellationToken);
        return Posted(stored.ActivityId);
    }

    /// <summary>
    /// Persists the message (the sink deduplicates a re-post by its client id), then echoes it in the transcript and shows
    /// the typing indicator while the command runs. Only then is the client told the activity's id.
    /// </summary>
    internal static async Task<DirectLineActivityRecord> AcceptMessageAsync(
        Activity activity, string conversationId, string? clientAddress, IInboundSink sink, ConversationStreams streams, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using (await streams.ArrivalAsync(conversationId, cancellationToken))
        {
            var now = time.GetUtcNow();
            var accepted = await sink.AcceptAsync(ActivityMapper.ToInbound(activity, conversationId, now) with { ClientAddress = clientAddress }, cancellationToken);
            var (stored, _) = await streams.AppendAsync(ActivityMapper.UserRecord(activity, conversationId, accepted.MessageId, now), cancellationToken);
            if (!accepted.Duplicate) streams.PushTyping(conversationId);
            return stored;
        }
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineAuthorizer authorizer, DirectLineTranscripts transcripts,
        CancellationToken cancellationToken)
    {
        var caller = authorizer.Authorize(request);
        if (await RefuseAsync(caller, conversationId, transcripts, cancellationToken) is { } refused) return refused;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark(watermark);
        return TypedResults.Json(ActivityMapper.ToSet(await transcripts.AfterAsync(conversationId, after, cancellationToken), after), DirectLineJson.Wire.ActivitySet);
    }

    /// <summary>403, 404 or 403 (in that order) unless the caller may use this conversation.</summary>
    internal static async Task<IResult?> RefuseAsync(DirectLineCaller caller, string conversationId, DirectLineTranscripts transcripts, CancellationToken cancellationToken)
    {
        if (!caller.IsAuthenticated) return DirectLineErrors.Forbidden(caller);
        if (!await transcripts.ExistsAsync(conversationId, cancellationToken)) return DirectLineErrors.ConversationNotFound();
        return caller.MayUse(conversationId) ? null : DirectLineErrors.NotYours();
    }

    /// <summary>The activity, or why the JSON is not one; null for an empty body.</summary>
    internal static ParsedActivity? ParseActivity(ReadOnlySpan<byte> json)
    {
        if (json.Trim((byte)' ').IsEmpty) return null;
        try
        {
            var activity = JsonSerializer.Deserialize(json, DirectLineJson.Wire.Activity);
            if (activity is null) return new ParsedActivity(null, "The body must be an Activity object, not null.");
            if (string.IsNullOrWhiteSpace(activity.Type)) return new ParsedActivity(null, "The activity has no \"type\".");
            return new ParsedActivity(activity, null);
        }
        catch (JsonException ex)
        {
            return new ParsedActivity(null, "The body is not a valid Activity: " + ex.Message);
        }
    }

    internal static IResult Posted(string id) => TypedResults.Json(new ResourceResponse(id), DirectLineJson.Wire.ResourceResponse);

    /// <summary>Empty (a new client) means from the start; otherwise the number a set carried.</summary>
    internal static bool TryParseWatermark(string? raw, out long watermark)
    {
        watermark = 0;
        if (string.IsNullOrEmpty(raw) || raw == "-") return true;
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out watermark);
    }

    private static IResult BadWatermark(string? watermark) =>
        DirectLineErrors.BadArgument($"The watermark '{watermark}' is not one this service gave out (a non-negative number).");

    private static Conversation ConversationFor(HttpRequest request, IssuedToken token, long watermark)
    {
        var streamUrl = $"{StreamBase(request)}{BasePath}/conversations/{Uri.EscapeDataString(token.ConversationId)}/stream"
            + $"?watermark={watermark.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(token.Token)}";
        return new Conversation(token.ConversationId, token.Token, token.ExpiresInSeconds, streamUrl);
    }

    /// <summary>
    /// The configured public base, or the local address the connection arrived at: never the Host header, so a
    /// client cannot make the gateway hand out a URL (carrying the token) that points elsewhere.
    /// </summary>
    private static string StreamBase(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.PublicBaseUrl;
        if (!string.IsNullOrEmpty(configured))
        {
            var publicBase = new Uri(configured);
            return (publicBase.Scheme == Uri.UriSchemeHttps ? "wss" : "ws") + "://" + publicBase.Authority + publicBase.AbsolutePath.TrimEnd('/');
        }
        var connection = request.HttpContext.Connection;
        var host = connection.LocalIpAddress switch
        {
            null => "localhost",   // an in-memory test server
            { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 when !v6.IsIPv4MappedToIPv6 => "[" + v6 + "]",
            var address => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString(),
        };
        var port = connection.LocalPort is 0 ? "" : ":" + connection.LocalPort.ToString(CultureInfo.InvariantCulture);
        return (request.IsHttps ? "wss" : "ws") + "://" + host + port;
    }
}

/// <summary>A posted body read as an activity: the activity, or the reason it is not one.</summary>
internal sealed record ParsedActivity(Activity? Activity, string? Error);
