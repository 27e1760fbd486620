using System.Collections.Concurrent;
using System.Net;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The probe created 50,000 web-chat conversations in under 30 s. Anonymous creation is now limited per client address
/// by ASP.NET Core's rate limiter: 429 with Retry-After, while the host and other addresses are served as before. The
/// other anonymous doors (messages into a conversation, the USSD callback) have their own allowances.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class AnonymousRateLimitTests : LoopbackGatewayTest
{
    private const int Attempts = 10_000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:Enabled"] = "true",
        ["Channels:DirectLine:Secrets:0"] = new string('s', 48),
        ["Channels:Ussd:HttpEnabled"] = "true",
        ["Channels:Ussd:ApiKey"] = "aggregator-secret-0123456789",
        ["RateLimits:UssdCallback:PermitsPerMinute"] = "1",
        ["RateLimits:UssdCallback:Burst"] = "5",
    };

    [Test]
    public async Task TenThousandConversations_FromOneAddress_MostGet429WithRetryAfter_AndTheHostStaysFine()
    {
        using var stranger = Gateway.CreateAnonymousClient();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var retryAfters = new ConcurrentBag<TimeSpan?>();

        await Parallel.ForAsync(0, Attempts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
        {
            using var response = await stranger.PostAsync("/api/webchat/conversations", null, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) retryAfters.Add(response.Headers.RetryAfter?.Delta);
        });

        var created = statuses.Count(s => s == HttpStatusCode.Created);
        var limited = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Assert.That(created + limited, Is.EqualTo(Attempts), "nothing but 201 and 429");
        Assert.That(created, Is.InRange(1, 40), "the default burst (20) and what trickles back in while the test runs");
        Assert.That(retryAfters, Has.All.Not.Null.And.All.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));

        using var health = await stranger.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var another = LoopbackAddress.ClientFrom("127.0.0.2", Http.BaseAddress!);
        using var elsewhere = await another.PostAsync("/api/webchat/conversations", null);
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.Created), "another client address has its own allowance");
    }

    [TestCase("/api/directline/session")]
    [TestCase("/v3/directline/conversations")]
    public async Task DirectLineSessions_FromOneAddress_AreLimitedToo(string path)
    {
        using var stranger = Gateway.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            if (path.StartsWith("/v3", StringComparison.Ordinal)) request.Headers.Authorization = new("Bearer", new string('s', 48));
            using var response = await stranger.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null);
        }
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(75), string.Join(",", statuses.Distinct()));
    }

    [Test]
    public async Task MessagesIntoOneConversation_FromOneAddress_AreLimited()
    {
        var chat = await ChatSession.StartAsync(Http);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var response = await chat.PostAsync("HELP");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.That(response.Headers.RetryAfter?.Delta, Is.Not.Null);
        }
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(30), "past the burst of 60");
        Assert.That(statuses.Where(s => s != HttpStatusCode.TooManyRequests), Has.All.Matches<HttpStatusCode>(s => s is HttpStatusCode.Accepted or HttpStatusCode.OK));
    }

    [Test]
    public async Task UssdCallback_FromOneAddress_IsLimited_EvenWithoutTheKey()
    {
        using var stranger = Gateway.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ussd/callback")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["sessionId"] = $"flood-{i}", ["serviceCode"] = "*100#", ["phoneNumber"] = "+79161234567", ["text"] = "",
                }),
            };
            using var response = await stranger.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        Assert.That(statuses.Take(5), Has.All.EqualTo(HttpStatusCode.Unauthorized), "the burst reaches the key check");
        Assert.That(statuses.Skip(6), Has.All.EqualTo(HttpStatusCode.TooManyRequests), "then the limit answers, before any work");
    }
}
