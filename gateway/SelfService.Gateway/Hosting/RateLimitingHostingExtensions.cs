using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SelfService.Channels;

namespace SelfService.Gateway.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter on the anonymous surfaces, per client address: the channels name the policy
/// (<see cref="AnonymousRateLimits"/>), the host sets the numbers. A refusal is 429 with Retry-After in seconds.
/// Behind a reverse proxy, the client address is the proxy's unless forwarded headers are configured.
/// </summary>
internal static class RateLimitingHostingExtensions
{
    public static WebApplicationBuilder AddGatewayRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => !o.Problems().Any(), "Invalid RateLimits settings").ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureRateLimiter>();
        builder.Services.AddRateLimiter(_ => { });
        return builder;
    }

    private sealed class ConfigureRateLimiter(IOptions<RateLimitOptions> limits) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            Add(options, AnonymousRateLimits.CreateConversation, settings.CreateConversation);
            Add(options, AnonymousRateLimits.PostMessage, settings.PostMessage);
            Add(options, AnonymousRateLimits.UssdCallback, settings.UssdCallback);
            Add(options, AnonymousRateLimits.TelegramWebhook, settings.TelegramWebhook);
        }

        private static void Add(RateLimiterOptions options, string policy, RateLimitRule rule) =>
            options.AddPolicy(policy, context => RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Of(context) ?? "unknown", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = rule.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / rule.PermitsPerMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
