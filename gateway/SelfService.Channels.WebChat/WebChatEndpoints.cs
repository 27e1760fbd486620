using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SelfService.Channels.Text;
using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.WebChat;

/// <summary>
/// The web chat's JSON/HTTP surface:
/// POST /api/webchat/conversations → 201 {conversationId, token};
/// POST /api/webchat/conversations/{id}/messages {text, clientMessageId} → 202 {messageId, duplicate};
/// GET  /api/webchat/conversations/{id}/messages?watermark=N → {messages, watermark}.
/// Message calls carry "Authorization: Bearer {token}".
/// </summary>
public static class WebChatEndpoints
{
    /// <summary>Texts over 10 KB are refused, as everywhere in the gateway; the body may carry a little more for JSON.</summary>
    public const int MaxTextBytes = 10 * 1024;
    private const int MaxBodyBytes = MaxTextBytes * 2 + 1024;

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/webchat/conversations");
        group.MapPost("", CreateConversationAsync).RequireRateLimiting(AnonymousRateLimits.CreateConversation);
        group.MapPost("/{conversationId}/messages", PostMessageAsync).RequireRateLimiting(AnonymousRateLimits.PostMessage);
        group.MapGet("/{conversationId}/messages", GetMessagesAsync);
        // "/" belongs to the Direct Line channel's Microsoft Web Chat page (or leads here when that channel is off).
        routes.MapGet("/webchat", ServePage);
        return routes;
    }

    private static async Task<Created<ConversationCreated>> CreateConversationAsync(
        WebChatConversations conversations, TimeProvider time, CancellationToken cancellationToken)
    {
        var (id, token) = await conversations.CreateAsync(time.GetUtcNow(), cancellationToken);
        return TypedResults.Created($"/api/webchat/conversations/{id}", new ConversationCreated(id, token));
    }

    private static async Task<IResult> PostMessageAsync(
        string conversationId, HttpRequest request, WebChatConversations conversations, IInboundSink sink, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await RefuseAsync(conversationId, request, conversations, cancellationToken) is { } refused) return refused;
        if (request.ContentLength > MaxBodyBytes) return Problem(StatusCodes.Status413PayloadTooLarge, $"A message may be at most {MaxTextBytes} bytes.");

        PostMessage? body;
        try
        {
            var bytes = await ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
            if (bytes is null) return Problem(StatusCodes.Status413PayloadTooLarge, $"A message may be at most {MaxTextBytes} bytes.");
            body = JsonSerializer.Deserialize(bytes, WebChatJson.Default.PostMessage);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body must be JSON like {\"text\": \"BAL\"}: " + ex.Message);
        }
        if (body?.Text is null) return Problem(StatusCodes.Status400BadRequest, "The body must have a \"text\" field.");
        if (Encoding.UTF8.GetByteCount(body.Text) > MaxTextBytes)
            return Problem(StatusCodes.Status413PayloadTooLarge, $"A message may be at most {MaxTextBytes} bytes.");

        // The browser's own id makes a retried POST (a lost response) a redelivery, not a second message.
        var channelMessageId = string.IsNullOrWhiteSpace(body.ClientMessageId) ? Guid.NewGuid().ToString("N") : body.ClientMessageId.Trim();
        if (channelMessageId.Length > 100) return Problem(StatusCodes.Status400BadRequest, "clientMessageId may be at most 100 characters.");
        using var arrival = await conversations.ArrivalAsync(conversationId, cancellationToken);
        var now = time.GetUtcNow();
        var message = InboundMessage.Received(ChannelNames.WebChat, conversationId + ":" + channelMessageId, conversationId, body.Text, conversationId, now,
                LanguageHint(body.Language))
            with { ClientAddress = request.HttpContext.Connection.RemoteIpAddress?.ToString() };
        var accepted = await sink.AcceptAsync(message, cancellationToken);
        await conversations.AppendAsync(
            new WebChatActivity { ActivityId = accepted.MessageId, ConversationId = conversationId, From = "user", Text = body.Text, At = now }, cancellationToken);
        return TypedResults.Accepted((string?)null, new MessageAccepted(accepted.MessageId, accepted.Duplicate));
    }

    /// <summary>ru or en from the page's language or locale ("en-GB"); anything else gives no hint.</summary>
    private static string? LanguageHint(string? language)
    {
        var primary = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is "ru" or "en" ? primary : null;
    }

    private static async Task<IResult> GetMessagesAsync(
        string conversationId, long? watermark, HttpRequest request, WebChatConversations conversations, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(conversationId, request, conversations, cancellationToken) is { } refused) return refused;
        var activities = await conversations.AfterAsync(conversationId, watermark ?? 0, cancellationToken);
        var messages = activities.Select(a => new TranscriptLine(a.Seq, a.ActivityId, a.From, a.Text, HtmlOf(a), a.Choices, a.At)).ToList();
        return TypedResults.Ok(new Transcript(messages, messages.Count > 0 ? messages[^1].Seq : watermark ?? 0));
    }

    /// <summary>404 for a conversation that does not exist, 403 for a missing or wrong token; null when the caller may go on.</summary>
    private static async Task<IResult?> RefuseAsync(string conversationId, HttpRequest request, WebChatConversations conversations, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(conversationId, cancellationToken) is not { } conversation)
            return Problem(StatusCodes.Status404NotFound, "No such conversation.");
        if (!WebChatConversations.IsAuthorized(conversation, BearerToken(request)))
            return Problem(StatusCodes.Status403Forbidden, "Missing or wrong conversation token.");
        return null;
    }

    private static readonly Lazy<string> PagePolicy = new(() =>
    {
        using var reader = new StreamReader(PageResource());
        return PageSecurityPolicy.For(reader.ReadToEnd());
    });

    private static IResult ServePage(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = PagePolicy.Value;
        return TypedResults.Stream(PageResource(), "text/html; charset=utf-8");
    }

    private static Stream PageResource() =>
        typeof(WebChatEndpoints).Assembly.GetManifestResourceStream("SelfService.Channels.WebChat.index.html")!;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status);

    /// <summary>Only the bot writes Markdown; a customer's "**" or "<b>" is shown as typed.</summary>
    private static string HtmlOf(WebChatActivity line) =>
        line.From == "user" ? System.Net.WebUtility.HtmlEncode(line.Text) : MarkdownHtml.ToHtml(line.Text);
}
