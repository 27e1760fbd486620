namespace SelfService.Gateway.Hosting;

internal static class ErrorHandlingExtensions
{
    /// <summary>Malformed bodies are thrown as BadHttpRequestException so the problem document can say what was wrong.</summary>
    public static IServiceCollection AddGatewayErrorHandling(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad) context.ProblemDetails.Detail = bad.Message;
        });
        services.AddExceptionHandler<MalformedRequestHandler>();
        return services;
    }

    /// <summary>
    /// The edge's catch-all: an unexpected exception becomes a 500 problem document and a log entry, never a
    /// dropped connection; malformed requests that ASP.NET rejects become 400 problems with the reason, logged as the
    /// client's mistake (see <see cref="MalformedRequestHandler"/>).
    /// </summary>
    public static WebApplication UseGatewayErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }
}
