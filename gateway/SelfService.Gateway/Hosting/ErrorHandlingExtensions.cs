namespace SelfService.Gateway.Hosting;

internal static class ErrorHandlingExtensions
{
    /// <summary>
    /// The edge's catch-all: an unexpected exception becomes a 500 problem document and a log entry, never a
    /// dropped connection; malformed requests that ASP.NET rejects become 400 problems with the reason.
    /// </summary>
    public static WebApplication UseGatewayErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
