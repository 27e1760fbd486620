using SelfService.Commands.Customers;
using SelfService.Commands.History;

namespace SelfService.Gateway.Api;

/// <summary>The customer profile and the cross-channel timeline.</summary>
internal static class CustomerApi
{
    public static IEndpointRouteBuilder MapCustomerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/customers");
        group.MapGet("", FindCustomer);
        group.MapGet("/{customerId}", GetCustomer);
        group.MapGet("/{customerId}/history", GetHistory);
        return routes;
    }

    /// <summary>GET /api/customers?msisdn=+7... or ?channel=webchat&amp;address=...</summary>
    private static IResult FindCustomer(string? msisdn, string? channel, string? address, CustomerDirectory customers)
    {
        Customer? customer = (msisdn, channel, address) switch
        {
            ({ Length: > 0 }, _, _) => customers.FindByMsisdn(msisdn),
            (_, { Length: > 0 }, { Length: > 0 }) => customers.FindByIdentity(channel, address),
            _ => null,
        };
        if (msisdn is null && (channel is null || address is null))
            return TypedResults.Problem("Give msisdn, or channel and address.", statusCode: StatusCodes.Status400BadRequest);
        return customer is null ? TypedResults.NotFound() : TypedResults.Ok(customer);
    }

    private static IResult GetCustomer(string customerId, CustomerDirectory customers) =>
        customers.Get(customerId) is { } customer ? TypedResults.Ok(customer) : TypedResults.NotFound();

    private static IResult GetHistory(string customerId, CustomerDirectory customers, HistoryStore history) =>
        customers.Get(customerId) is null ? TypedResults.NotFound() : TypedResults.Ok(history.ForCustomer(customerId));
}
