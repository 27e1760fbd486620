using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Messaging;

namespace SelfService.Channels.Ussd;

/// <summary>
/// USSD over HTTP, the aggregator convention: a form POST with sessionId, serviceCode, phoneNumber, networkCode and
/// text (every input so far, joined by '*'); the answer is plain text starting "CON " (continue) or "END " (finish).
/// </summary>
public static class UssdHttpEndpoints
{
    public const string Route = "/api/ussd/callback";

    public static IEndpointRouteBuilder MapUssd(this IEndpointRouteBuilder routes)
    {
        var settings = routes.ServiceProvider.GetRequiredService<IOptions<UssdOptions>>().Value;
        if (!settings.HttpEnabled) return routes;
        if (string.IsNullOrEmpty(settings.ApiKey) && settings.AllowedSources.Count == 0)
        {
            // Only reachable in Development with AllowUnauthenticatedInDevelopment (the validator refuses it elsewhere).
            var logger = routes.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UssdHttpEndpoints).FullName!);
            UssdLog.UnauthenticatedCallback(logger, Route);
        }
        routes.MapPost(Route, HandleAsync).DisableAntiforgery().RequireRateLimiting(AnonymousRateLimits.UssdCallback);
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IInboundSink sink, UssdReplyRendezvous rendezvous, IOptions<UssdOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IsAllowedSource(request.HttpContext.Connection.RemoteIpAddress, settings.AllowedSources))
            return TypedResults.Text("END Forbidden", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
        if (Authenticate(request, settings.ApiKey) is { } refused) return refused;
        if (!request.HasFormContentType) return Refuse("the callback must be a form POST (application/x-www-form-urlencoded)");

        var form = await request.ReadFormAsync(cancellationToken);
        var sessionId = form["sessionId"].ToString().Trim();
        var serviceCode = form["serviceCode"].ToString().Trim();
        var phoneNumber = form["phoneNumber"].ToString().Trim();
        var text = form["text"].ToString();
        if (sessionId.Length is 0 or > 100) return Refuse("sessionId is missing or longer than 100 characters");
        if (!new MsisdnNormalizer(settings.DefaultRegion).TryNormalize(phoneNumber, out var msisdn)) return Refuse("phoneNumber is not a phone number");
        if (text.Length > 1000) return Refuse("text is longer than 1000 characters");

        // text is cumulative ("1*2"): the newest input is the last part; the first request has none and dials the service code.
        var inputs = text.Length == 0 ? [] : text.Split('*');
        var input = inputs.Length == 0 ? serviceCode : inputs[^1];
        var step = inputs.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var message = InboundMessage.Received(ChannelNames.Ussd, sessionId + ":" + step, msisdn, input, sessionId, time.GetUtcNow());
        rendezvous.Expect(message.Id);
        var accepted = await sink.AcceptAsync(message, cancellationToken);
        // A redelivered request (the aggregator retried) waits for the reply of the first copy.
        var reply = await rendezvous.WaitAsync(accepted.MessageId, settings.ReplyTimeout, cancellationToken);
        if (reply is null) return Answer("END " + settings.UnavailableText);
        return Answer((UssdAdapter.ContinuesSession(reply) ? "CON " : "END ") + reply.Text);
    }

    /// <summary>Null when the key is right or none is configured; 401 without a key, 403 with a wrong one.</summary>
    private static IResult? Authenticate(HttpRequest request, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)) return null;
        var given = request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header : request.Query["key"].ToString();
        if (given.Length == 0) return TypedResults.Text("END Unauthorized", "text/plain", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(apiKey))
            ? null
            : TypedResults.Text("END Forbidden", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }

    private static bool IsAllowedSource(IPAddress? remote, List<string> allowedSources)
    {
        if (allowedSources.Count == 0) return true;
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        foreach (var source in allowedSources)
            if (UssdOptionsValidator.TryParseSource(source, out var network) && network.Contains(remote)) return true;
        return false;
    }

    private static IResult Answer(string text) => TypedResults.Text(text, "text/plain", Encoding.UTF8);

    // An aggregator shows whatever follows END to the customer; the reason is for the operator's logs.
    private static IResult Refuse(string reason) =>
        TypedResults.Text("END Bad request: " + reason, "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);
}
