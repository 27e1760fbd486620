namespace SelfService.Gateway.Hosting;

/// <summary>
/// Headers every response carries, set once here: nosniff and no referrer everywhere (some URLs carry tokens); staff
/// responses may never be framed and run only the gateway's own scripts; any other page without its own policy gets a
/// strict default. The customers' pages set their own policy (their inline scripts by hash).
/// </summary>
internal static class SecurityHeadersExtensions
{
    public const string StaffPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string DefaultPagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
                if (context.Request.Path.StartsWithSegments("/staff"))
                {
                    headers.XFrameOptions = "DENY";
                    headers.ContentSecurityPolicy = StaffPolicy;
                }
                else if (headers.ContentSecurityPolicy.Count == 0 && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = DefaultPagePolicy;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
