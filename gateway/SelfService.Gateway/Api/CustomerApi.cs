using System.Security.Claims;
using SelfService.Commands.Customers;
using SelfService.Staff;
using SelfService.Storage.Customers;
using SelfService.Storage.History;

namespace SelfService.Gateway.Api;

/// <summary>The customer profile and the cross-channel timeline, for agents; every look is in the audit trail.</summary>
internal static class CustomerApi
{
    public static IEndpointRouteBuilder MapCustomerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customers").RequireAuthorization(StaffPolicies.Agents);
        group.MapGet("", FindCustomer);
        group.MapGet("/{customerId}", GetCustomer);
        group.MapGet("/{customerId}/history", GetHistory);
        return routes;
    }

    /// <summary>GET /api/customers?msisdn=+7... or ?channel=webchat&amp;address=...</summary>
    private static async Task<IResult> FindCustomer(
        string? msisdn, string? channel, string? address, CustomerDirectory customers, ClaimsPrincipal user, AuditTrail audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        Customer? customer = (msisdn, channel, address) switch
        {
            ({ Length: > 0 }, _, _) => await customers.FindByMsisdnAsync(msisdn, cancellationToken),
            (_, { Length: > 0 }, { Length: > 0 }) => await customers.FindByIdentityAsync(channel, address, cancellationToken),
            _ => null,
        };
        if (msisdn is null && (channel is null || address is null))
            return TypedResults.Problem("Give msisdn, or channel and address.", statusCode: StatusCodes.Status400BadRequest);
        if (customer is null) return TypedResults.NotFound();
        await audit.RecordAsync(user.UserName(), "customer.view", customer.Id, "profile", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(customer);
    }

    private static async Task<IResult> GetCustomer(
        string customerId, CustomerDirectory customers, ClaimsPrincipal user, AuditTrail audit, HttpContext http, CancellationToken cancellationToken)
    {
        if (await customers.GetAsync(customerId, cancellationToken) is not { } customer) return TypedResults.NotFound();
        await audit.RecordAsync(user.UserName(), "customer.view", customer.Id, "profile", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(customer);
    }

    private static async Task<IResult> GetHistory(
        string customerId, CustomerDirectory customers, IHistoryStore history, ClaimsPrincipal user, AuditTrail audit, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await customers.GetAsync(customerId, cancellationToken) is null) return TypedResults.NotFound();
        await audit.RecordAsync(user.UserName(), "customer.view", customerId, "history", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(await history.ForCustomerAsync(customerId, HistoryLength, cancellationToken));
    }

    private const int HistoryLength = 500;
}
