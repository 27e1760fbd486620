using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SelfService.Samples.OperatorBackend;

/// <summary>Requires <see cref="OperatorBackendOptions.ApiKey"/>, when one is configured, in <c>X-Api-Key</c> or as a bearer token.</summary>
internal sealed class ApiKeyFilter(IOptions<OperatorBackendOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return next(context);
        }

        var headers = context.HttpContext.Request.Headers;
        var presented = headers["X-Api-Key"].ToString();
        var authorization = headers.Authorization.ToString();
        if (presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = authorization["Bearer ".Length..].Trim();
        }

        return Matches(presented, expected) ? next(context) : ValueTask.FromResult<object?>(TypedResults.Unauthorized());
    }

    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
