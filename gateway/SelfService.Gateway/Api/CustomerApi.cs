using System.Security.Claims;
using SelfService.Commands.Customers;
using SelfService.Commands.History;
using SelfService.Staff;

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
    private static IResult FindCustomer(string? msisdn, string? channel, string? address, CustomerDirectory customers, ClaimsPrincipal user, AuditTrail audit, HttpContext http)
    {
        Customer? customer = (msisdn, channel, address) switch
        {
            ({ Length: > 0 }, _, _) => customers.FindByMsisdn(msisdn),
            (_, { Length: > 0 }, { Length: > 0 }) => customers.FindByIdentity(channel, address),
            _ => null,
        };
        if (msisdn is null && (channel is null || address is null))
            return TypedResults.Problem("Give msisdn, or channel and address.", statusCode: StatusCodes.Status400BadRequest);
        if (customer is null) return TypedResults.NotFound();
        audit.Record(user.UserName(), "customer.view", customer.Id, "profile", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(customer);
    }

    private static IResult GetCustomer(string customerId, CustomerDirectory customers, ClaimsPrincipal user, AuditTrail audit, HttpContext http)
    {
        if (customers.Get(customerId) is not { } customer) return TypedResults.NotFound();
        audit.Record(user.UserName(), "customer.view", customer.Id, "profile", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(customer);
    }

    private static IResult GetHistory(string customerId, CustomerDirectory customers, HistoryStore history, ClaimsPrincipal user, AuditTrail audit, HttpContext http)
    {
        if (customers.Get(customerId) is null) return TypedResults.NotFound();
        audit.Record(user.UserName(), "customer.view", customerId, "history", http.Connection.RemoteIpAddress?.ToString());
        return TypedResults.Ok(history.ForCustomer(customerId));
    }
}
