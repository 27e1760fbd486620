using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

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
        routes.MapPost(Route, HandleAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IInboundSink sink, UssdReplyRendezvous rendezvous, IOptions<UssdOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IsAuthorized(request, settings.ApiKey)) return TypedResults.Text("END Unauthorized", "text/plain", Encoding.UTF8, StatusCodes.Status403Forbidden);
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

    private static bool IsAuthorized(HttpRequest request, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)) return true;
        var given = request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header : request.Query["key"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(apiKey));
    }

    private static IResult Answer(string text) => TypedResults.Text(text, "text/plain", Encoding.UTF8);

    // An aggregator shows whatever follows END to the customer; the reason is for the operator's logs.
    private static IResult Refuse(string reason) =>
        TypedResults.Text("END Bad request: " + reason, "text/plain", Encoding.UTF8, StatusCodes.Status400BadRequest);
}
