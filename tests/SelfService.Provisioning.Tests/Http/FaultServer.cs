using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace SelfService.Provisioning.Tests.Http;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1:0 whose answers the test writes: the numbered attempt
/// (1 for the first request) goes to <c>respond</c>. It records what it was sent.
/// </summary>
internal sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _attempts;

    private FaultServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Attempts => Volatile.Read(ref _attempts);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<FaultServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FaultServer(app);
        app.Run(async context =>
        {
            var attempt = Interlocked.Increment(ref server._attempts);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server.Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                // The raw target: Request.Path is already unescaped, and the escaping is what we check.
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await respond(context, attempt);
        });
        server.BaseAddress = await app.StartOnLoopbackAsync();
        return server;
    }

    /// <summary>Answers with a status and a JSON body.</summary>
    public static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>A request as <see cref="FaultServer"/> received it.</summary>
internal sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body);
