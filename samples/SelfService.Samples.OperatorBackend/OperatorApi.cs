using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SelfService.Provisioning;

namespace SelfService.Samples.OperatorBackend;

/// <summary>The endpoints of the provisioning REST contract, over whichever <see cref="IProvisioningBackend"/> is registered.</summary>
internal static class OperatorApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/services", GetServicesAsync);
        api.MapGet("/subscribers/{msisdn}", GetSubscriberAsync);
        api.MapPost("/subscribers/{msisdn}/services/{code}/activation", ActivateAsync);
        api.MapPost("/subscribers/{msisdn}/services/{code}/deactivation", DeactivateAsync);
        api.MapPost("/subscribers/{msisdn}/pin/verify", VerifyPinAsync);
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ServiceOffer>>> GetServicesAsync(IProvisioningBackend backend, CancellationToken cancellationToken) =>
        TypedResults.Ok(await backend.GetServicesAsync(cancellationToken));

    private static async Task<Results<Ok<SubscriberAccount>, NotFound<OutcomeBody>>> GetSubscriberAsync(
        string msisdn, IProvisioningBackend backend, CancellationToken cancellationToken)
    {
        var account = await backend.FindSubscriberAsync(msisdn, cancellationToken);
        return account is null
            ? TypedResults.NotFound(new OutcomeBody(ServiceChangeOutcome.UnknownSubscriber))
            : TypedResults.Ok(account);
    }

    private static Task<Results<Ok<ChangeServiceResponseBody>, NotFound<OutcomeBody>, ProblemHttpResult>> ActivateAsync(
        string msisdn, string code, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, ChangeServiceRequestBody? body,
        IProvisioningBackend backend, CancellationToken cancellationToken) =>
        ChangeAsync(msisdn, code, ServiceChange.Activate, idempotencyKey, body, backend, cancellationToken);

    private static Task<Results<Ok<ChangeServiceResponseBody>, NotFound<OutcomeBody>, ProblemHttpResult>> DeactivateAsync(
        string msisdn, string code, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, ChangeServiceRequestBody? body,
        IProvisioningBackend backend, CancellationToken cancellationToken) =>
        ChangeAsync(msisdn, code, ServiceChange.Deactivate, idempotencyKey, body, backend, cancellationToken);

    private static async Task<Results<Ok<ChangeServiceResponseBody>, NotFound<OutcomeBody>, ProblemHttpResult>> ChangeAsync(
        string msisdn, string code, ServiceChange change, string? idempotencyKey, ChangeServiceRequestBody? body,
        IProvisioningBackend backend, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return TypedResults.Problem($"The {IdempotencyKeyHeader} header is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(body?.Channel))
        {
            return TypedResults.Problem("The body must name the channel: {\"channel\": \"sms\"}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await backend.ChangeServiceAsync(new ServiceChangeRequest(idempotencyKey, msisdn, code, change, body.Channel), cancellationToken);
        return result.Outcome is ServiceChangeOutcome.UnknownSubscriber or ServiceChangeOutcome.UnknownService
            ? TypedResults.NotFound(new OutcomeBody(result.Outcome))
            : TypedResults.Ok(new ChangeServiceResponseBody(result.Outcome, result.Charged, result.BalanceAfter));
    }

    private static async Task<Results<Ok<VerifyPinResponseBody>, ProblemHttpResult>> VerifyPinAsync(
        string msisdn, VerifyPinRequestBody? body, IProvisioningBackend backend, CancellationToken cancellationToken)
    {
        if (body?.Pin is null)
        {
            return TypedResults.Problem("The body must carry the PIN: {\"pin\": \"1234\"}.", statusCode: StatusCodes.Status400BadRequest);
        }

        // An unknown subscriber gets "valid": false, not 404: a PIN check must not tell which numbers exist.
        return TypedResults.Ok(new VerifyPinResponseBody(await backend.VerifyPinAsync(msisdn, body.Pin, cancellationToken)));
    }
}
