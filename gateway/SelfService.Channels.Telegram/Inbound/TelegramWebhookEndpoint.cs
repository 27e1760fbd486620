using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// POST /api/telegram/webhook: Telegram posts one update per request with the secret given to setWebhook in
/// X-Telegram-Bot-Api-Secret-Token. 401 without it, 403 with a wrong one, 200 only after the update was accepted; any
/// other answer makes Telegram deliver it again. 404 unless the channel runs in Webhook mode.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Route = "/api/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>An update is a few KB; this leaves room for long captions and entities, and nothing for abuse.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, HandleAsync).DisableAntiforgery().RequireRateLimiting(AnonymousRateLimits.TelegramWebhook);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IOptions<TelegramOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Mode != TelegramMode.Webhook)
            return TypedResults.Problem("The Telegram channel does not run in Webhook mode.", statusCode: StatusCodes.Status404NotFound);
        if (!request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1)
            return TypedResults.Problem($"The {SecretHeader} header is missing.", statusCode: StatusCodes.Status401Unauthorized);
        if (!SameSecret(given.ToString(), settings.WebhookSecret!))
            return TypedResults.Problem($"The {SecretHeader} header is wrong.", statusCode: StatusCodes.Status403Forbidden);
        if (request.ContentLength > MaxBodyBytes)
            return TypedResults.Problem("An update may be at most 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);

        var body = await ReadLimitedAsync(request.Body, cancellationToken);
        if (body is null) return TypedResults.Problem("An update may be at most 1 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem("The body is not a Telegram Update: " + ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        if (update is null) return TypedResults.Problem("The body is not a Telegram Update.", statusCode: StatusCodes.Status400BadRequest);

        await services.GetRequiredService<TelegramUpdateHandler>().HandleAsync(update, cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>The body, or null when it is longer than the limit (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Constant time, and hashed first so that not even the secret's length shows in the timing.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
