using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SelfService.Pipeline;
using SelfService.Staff;

namespace SelfService.Gateway.Hosting;

internal static class MetricsHostingExtensions
{
    /// <summary>
    /// The gateway's meter (pipeline counters and stage timings, dashboard gauges), the store's (group commits), the SMPP
    /// library's (PDUs, submit latency), the voice menu's with the SIP library's and speech's, and ASP.NET Core's, exported
    /// for Prometheus.
    /// </summary>
    public static WebApplicationBuilder AddGatewayMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("selfservice-gateway"))
            .WithMetrics(metrics => metrics
            .AddMeter(PipelineMetrics.MeterName, Storage.StorageMetrics.MeterName, Smpp.SmppMetrics.MeterName)
            .AddMeter(Channels.Voice.VoiceMetrics.MeterName, Sip.SipMetrics.MeterName, Speech.SpeechMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>GET /metrics in the Prometheus text format, for supervisors' and admins' API tokens (a scraper's bearer token).</summary>
    public static IEndpointRouteBuilder MapGatewayMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(StaffPolicies.Supervisors);
        return routes;
    }
}
