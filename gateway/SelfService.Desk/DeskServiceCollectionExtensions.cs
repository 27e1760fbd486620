using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Desk.Dashboard;
using SelfService.Desk.Hubs;
using SelfService.Staff;

namespace SelfService.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The staff pages under /staff: every page needs a signed-in user, and each area its policy
    /// (the desk: agents; the knowledge base: editors; the dashboard: supervisors; campaigns: campaign managers).
    /// </summary>
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddSingleton<DeskTexts>();
        // Cyrillic as it is, not as &#x...; entities: readable page sources, smaller pages. Markup is still escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff");
            o.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            o.Conventions.AllowAnonymousToPage("/Staff/Denied");
            o.Conventions.AllowAnonymousToPage("/Staff/Language");
            o.Conventions.AuthorizeFolder("/Staff/Desk", StaffPolicies.Agents);
            o.Conventions.AuthorizeFolder("/Staff/Kb", StaffPolicies.Editors);
            o.Conventions.AuthorizeFolder("/Staff/Dashboard", StaffPolicies.Supervisors);
            o.Conventions.AuthorizeFolder("/Staff/Campaigns", StaffPolicies.CampaignManagers);
        });
        services.AddSignalR();
        services.AddSingleton<AgentPresence>();
        services.AddHostedService<DeskNotifier>();
        services.AddSingleton<OperationsFigures>();
        services.AddSingleton<OperationsMetrics>();
        services.AddHostedService<DashboardBroadcaster>();
        return services;
    }

    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        routes.MapHub<DeskHub>(DeskHub.Path);
        // The gauges exist once this is built; /metrics reads them.
        routes.ServiceProvider.GetRequiredService<OperationsMetrics>();
        routes.MapGet("/staff/assets/{name}", ServeAsset).AllowAnonymous();
        return routes;
    }

    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The pages' CSS and scripts, embedded in this assembly (the SignalR client comes from npm at build time).</summary>
    private static IResult ServeAsset(string name, HttpContext context)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType)) return TypedResults.NotFound();
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SelfService.Desk." + name);
        if (stream is null) return TypedResults.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Stream(stream, contentType);
    }
}
