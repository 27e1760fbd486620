using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using SelfService.Gateway.Tests.Desk;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;
using SelfService.Testing.PostgreSql;

namespace SelfService.Gateway.Tests;

/// <summary>
/// Two gateway processes on one PostgreSQL (a private cluster), as behind a load balancer, sharing one SMPP bind (to the
/// npm smpp SMSC) under a lease: a customer talks to one instance and the agent works on the other. What one instance
/// changes reaches the other at once over LISTEN/NOTIFY: the ticket appears on the agent's desk through its hub, and the
/// reply is pushed down the customer's socket, or sent on the bind, by the instance that has them. Each instance's
/// /health and dashboard show both instances and which owns the SMS bind and USSD's own bind (leased too), and the traffic
/// of both.
/// </summary>
public class MultiInstanceDeskTests
{
    private const string Bind = "sms:bind:0";
    private const string UssdBind = "ussd:bind";
    private const string CampaignsLease = "campaigns:scheduler";

    private const string AgentPassword = "agent password on b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private PostgreSqlCluster _cluster = null!;
    private NodeSmsc _smsc = null!;
    private NodeSmsc _ussdSmsc = null!;
    private GatewayProcess _a = null!;
    private GatewayProcess _b = null!;
    private string _database = null!;

    [OneTimeSetUp]
    public async Task StartTwoInstancesAsync()
    {
        _cluster = await PostgreSqlCluster.StartAsync();
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        // USSD on a bind of its own, to an SMSC of its own (as operators often give it), so MOs never land on it.
        _ussdSmsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfussd", Password = "ussdpw" });
        _database = await _cluster.CreateDatabaseAsync();
        var started = await Task.WhenAll(GatewayProcess.StartAsync(Settings(_database, "gw-a")), GatewayProcess.StartAsync(Settings(_database, "gw-b")));
        (_a, _b) = (started[0], started[1]);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_smsc is not null) await _smsc.DisposeAsync();
        if (_ussdSmsc is not null) await _ussdSmsc.DisposeAsync();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task CustomerOnA_AsksForAPerson_AgentOnBSeesItLive_TakesItAndReplies_CustomerOnAGetsTheReply()
    {
        using (var admin = await _b.CreateAdminClientAsync())
        using (var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { userName = "nina", password = AgentPassword, roles = new[] { "agent" }, displayName = "Нина" }))
            Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());

        await using var chromium = await Chromium.LaunchAsync();
        var desk = await chromium.NewPageAsync(_b.Address);
        await StaffBrowser.SignInAsync(desk, "nina", AgentPassword, "/staff/desk");
        await Assertions.Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await Assertions.Expect(desk.Locator("[data-test=waiting-count]")).ToHaveTextAsync("0");

        // The customer, on instance A, over Direct Line with its WebSocket open there.
        using var customer = new HttpClient { BaseAddress = _a.Address };
        var (conversationId, token) = await NewConversationAsync(customer);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(await StreamUrlAsync(customer, conversationId, token)), CancellationToken.None);
        var activities = ReadActivities(socket);

        await PostAsync(customer, conversationId, token, "ОПЕРАТОР");
        var escalated = await NextFromBotAsync(activities);
        Assert.That(escalated.GetProperty("text").GetString(), Does.StartWith("Вам ответит оператор"));

        // B's desk shows the ticket A queued, pushed through B's hub: the page was loaded before and is not reloaded.
        await Assertions.Expect(desk.Locator("[data-test=waiting] tr[data-ticket]")).ToHaveCountAsync(1);
        await Assertions.Expect(desk.Locator("[data-test=waiting] .badge")).ToHaveTextAsync("directline");

        await desk.Locator("[data-test=take]").First.ClickAsync();
        await desk.Locator("[data-test=reply-text]").FillAsync("Здравствуйте! Это Нина со второго сервера.");
        await desk.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(desk.Locator("[data-test=notice]")).ToContainTextAsync("directline");

        // B stored and sent the reply; A pushes it down the customer's socket.
        var reply = await NextFromBotAsync(activities);
        Assert.That(reply.GetProperty("text").GetString(), Is.EqualTo("Здравствуйте! Это Нина со второго сервера."));
    }

    [Test]
    public async Task Health_OnEitherInstance_ShowsBothInstances_AndWhichOwnsTheBind()
    {
        var (owner, other) = await BindOwnerAsync();
        // USSD's own bind is leased too: one instance has it open, the other shows it on standby.
        var (ussdOwner, ussdOther) = await OwnerOfAsync(UssdBind);
        // So is the lead of the campaigns: one scheduler fires their triggers, whichever instance launched them.
        var (campaignsLeader, _) = await OwnerOfAsync(CampaignsLease);
        string[] Owned(GatewayProcess gateway) =>
            [.. new[] { (Bind, owner), (UssdBind, ussdOwner), (CampaignsLease, campaignsLeader) }.Where(l => l.Item2 == gateway).Select(l => l.Item1).Order(StringComparer.Ordinal)];
        var ussdStates = (await ussdOther.HealthAsync()).GetProperty("channels").EnumerateArray()
            .Where(c => c.GetProperty("channel").GetString() == "ussd").Select(c => c.GetProperty("state").GetString()).ToList();
        Assert.That(ussdStates, Is.EqualTo(new[] { "standby" }), "the instance without the USSD bind waits for its lease");

        foreach (var asked in new[] { _a, _b })
        {
            var instances = await WaitForAsync(async () =>
            {
                var listed = (await asked.HealthAsync()).GetProperty("instances");
                return listed.ValueKind == JsonValueKind.Array && listed.GetArrayLength() == 2 && listed.EnumerateArray().All(i => i.GetProperty("alive").GetBoolean())
                    ? listed : (JsonElement?)null;
            });
            var byId = instances.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
            Assert.Multiple(() =>
            {
                Assert.That(byId.Keys, Is.EquivalentTo(new[] { "gw-a", "gw-b" }));
                Assert.That(byId[Id(asked)].GetProperty("self").GetBoolean(), Is.True, "the instance asked is marked");
                Assert.That(Leases(byId[Id(owner)]), Is.EqualTo(Owned(owner)), "each holds its binds, whichever instance is asked");
                Assert.That(Leases(byId[Id(other)]), Is.EqualTo(Owned(other)));
                Assert.That(Leases(byId[Id(owner)]).Concat(Leases(byId[Id(other)])), Is.EquivalentTo(new[] { Bind, UssdBind, CampaignsLease }), "each bind has one owner");
                Assert.That(byId[Id(other)].GetProperty("lastSeenAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1)));
            });
        }

        // The dashboard of the instance without the bind shows both, and the bind beside its owner.
        using (var admin = await other.CreateAdminClientAsync())
        using (var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { userName = "olga", password = AgentPassword, roles = new[] { "supervisor" } }))
            Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        await using var chromium = await Chromium.LaunchAsync();
        var dashboard = await chromium.NewPageAsync(other.Address);
        await StaffBrowser.SignInAsync(dashboard, "olga", AgentPassword, "/staff/dashboard");
        await Assertions.Expect(dashboard.Locator("[data-test=instances] tr[data-instance]")).ToHaveCountAsync(2);
        foreach (var gateway in new[] { owner, other })
        {
            var owned = Owned(gateway);
            await Assertions.Expect(dashboard.Locator($"[data-test=instances] tr[data-instance={Id(gateway)}] [data-test=owns]"))
                .ToHaveTextAsync(owned.Length == 0 ? "—" : string.Join(", ", owned));
        }
    }

    [Test]
    public async Task Traffic_AcceptedOnBothInstances_EachDashboardShowsAllOfIt()
    {
        // Web-chat messages through both instances: each counts what it accepted, and neither overwrites the other's count.
        foreach (var (gateway, messages) in new[] { (_a, 3), (_b, 2) })
        {
            using var customer = new HttpClient { BaseAddress = gateway.Address };
            var (conversationId, token) = await NewConversationAsync(customer);
            for (var i = 0; i < messages; i++) await PostAsync(customer, conversationId, token, "здравствуйте, это сообщение " + i);
        }
        // What the store holds is the truth the dashboards must come to (earlier tests of this fixture wrote some too).
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString(_database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM inbound WHERE dedup_key LIKE 'directline|%'", connection);
        var stored = (long)(await count.ExecuteScalarAsync())!;
        Assert.That(stored, Is.GreaterThanOrEqualTo(5));

        using (var admin = await _a.CreateAdminClientAsync())
        using (var created = await admin.PostAsJsonAsync("/api/staff/accounts", new { userName = "vera", password = AgentPassword, roles = new[] { "supervisor" } }))
            Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        await using var chromium = await Chromium.LaunchAsync();
        foreach (var gateway in new[] { _a, _b })
        {
            var dashboard = await chromium.NewPageAsync(gateway.Address);
            await StaffBrowser.SignInAsync(dashboard, "vera", AgentPassword, "/staff/dashboard");
            // Each instance writes its figures every few seconds and tells the other, whose dashboard is pushed anew.
            await Assertions.Expect(dashboard.Locator("[data-test=by-channel] tr[data-channel=directline] [data-test=count]"))
                .ToHaveTextAsync(stored.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = (float)Patience.TotalMilliseconds });
        }
    }

    [Test]
    public async Task SmsCustomer_AgentOnTheInstanceWithoutTheBind_Replies_TheBindsOwnerSendsItAtOnce()
    {
        var (_, other) = await BindOwnerAsync();
        const string Number = "79161234567";
        await _smsc.DeliverAsync(Number, SmsGatewaySettings.ShortCode, "ОПЕРАТОР", SmscTextEncoding.Ucs2);
        await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == Number && e.StringOf("text")!.StartsWith("Вам ответит", StringComparison.Ordinal), Patience);

        using var admin = await other.CreateAdminClientAsync();
        var ticketId = await WaitForAsync(async () =>
        {
            var waiting = await admin.GetFromJsonAsync<JsonElement>("/api/queue");
            return waiting.EnumerateArray().Select(w => w.GetProperty("ticket")).Where(t => t.GetProperty("channel").GetString() == "sms")
                .Select(t => t.GetProperty("id").GetString()).FirstOrDefault();
        });
        using (var taken = await admin.PostAsync($"/api/queue/{ticketId}/take", null)) taken.EnsureSuccessStatusCode();
        using (var replied = await admin.PostAsJsonAsync($"/api/queue/{ticketId}/reply", new { text = "Ответ с экземпляра без привязки." }))
            Assert.That(replied.IsSuccessStatusCode, Is.True, await replied.Content.ReadAsStringAsync());

        // Stored due a minute later on the instance without the bind, handed over by id: the owner sends it now. (Before the
        // handover, such a reply was marked as being sent where it could not be, and never went.)
        var submitted = await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == Number && e.StringOf("text") == "Ответ с экземпляра без привязки.", Patience);
        Assert.That(submitted.StringOf("text"), Is.EqualTo("Ответ с экземпляра без привязки."));
    }

    /// <summary>
    /// Issue 14 with several instances: a campaign launched on the instance that does not lead the campaigns is fired by
    /// the leader's scheduler once (one run), and each recipient gets the message once.
    /// </summary>
    [Test]
    public async Task Campaign_LaunchedOnTheInstanceThatDoesNotLead_FiresOnce_EachRecipientOnce()
    {
        var (_, follower) = await OwnerOfAsync(CampaignsLease);
        using var admin = await follower.CreateAdminClientAsync();
        const string Text = "Два экземпляра, одна рассылка";
        using var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Both instances", topic = "PROMO", texts = new Dictionary<string, string> { ["ru"] = Text, ["en"] = Text },
            audience = new { kind = "Segment" }, partsPerSecond = 20,
        });
        Assert.That(created.IsSuccessStatusCode, Is.True, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString();
        using (var launched = await admin.PostAsync($"/api/campaigns/{id}/launch", null))
            Assert.That(launched.IsSuccessStatusCode, Is.True, await launched.Content.ReadAsStringAsync());

        var done = await WaitForAsync(async () =>
        {
            var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/progress");
            return progress.GetProperty("state").GetString() == "Done" ? progress : (JsonElement?)null;
        });
        var recipients = done.GetProperty("progress").GetProperty("recipients").GetInt32();
        var submits = await _smsc.WaitForCountAsync("submit_sm", recipients, e => e.StringOf("text") == Text, Patience);

        Assert.Multiple(() =>
        {
            Assert.That(recipients, Is.GreaterThan(1));
            Assert.That(done.GetProperty("currentRun").GetString(), Is.Not.Null, "one run, named by its due time");
            Assert.That(submits.Select(e => e.StringOf("destination_addr")).Distinct().Count(), Is.EqualTo(recipients), "each recipient once");
            Assert.That(_smsc.Events("submit_sm").Count(e => e.StringOf("text") == Text), Is.EqualTo(recipients), "no one twice");
        });
    }

    private string Id(GatewayProcess gateway) => gateway == _a ? "gw-a" : "gw-b";

    private static string[] Leases(JsonElement instance) => [.. instance.GetProperty("leases").EnumerateArray().Select(l => l.GetProperty("name").GetString()!)];

    private Task<(GatewayProcess Owner, GatewayProcess Other)> BindOwnerAsync() => OwnerOfAsync(Bind);

    private async Task<(GatewayProcess Owner, GatewayProcess Other)> OwnerOfAsync(string lease) => await WaitForAsync(async () =>
        await _a.HoldsAsync(lease) ? (_a, _b) : await _b.HoldsAsync(lease) ? (_b, _a) : ((GatewayProcess, GatewayProcess)?)null);

    /// <summary>Asks until the answer is there (a bind taken, a heartbeat stored), up to <see cref="Patience"/>.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> ask) where T : struct
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await ask() is { } answer) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Not there in time.");
            await Task.Delay(100);
        }
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> ask)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await ask() is { } answer) return answer;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Not there in time.");
            await Task.Delay(100);
        }
    }

    private Dictionary<string, string> Settings(string database, string instance) => SmsGatewaySettings.For(_smsc).ToDictionary(p => p.Key, p => p.Value!)
        .Concat(new Dictionary<string, string>
    {
        ["Samples:Root"] = RepositoryPaths.Samples,
        ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
        ["Commands:MenuFile"] = RepositoryPaths.Menus,
        ["Storage:Kind"] = "PostgreSql",
        ["Storage:PostgreSql:ConnectionString"] = _cluster.ConnectionString(database),
        ["Gateway:InstanceId"] = instance,
        ["Channels:DirectLine:Enabled"] = "true",
        ["Channels:DirectLine:Secrets:0"] = _secret,
        ["Channels:DirectLine:TokenSigningKey"] = _signingKey,
        ["Channels:Ussd:Smpp:Enabled"] = "true",
        ["Channels:Ussd:Smpp:Connection:Host"] = "127.0.0.1",
        ["Channels:Ussd:Smpp:Connection:Port"] = _ussdSmsc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Channels:Ussd:Smpp:Connection:SystemId"] = "selfussd",
        ["Channels:Ussd:Smpp:Connection:Password"] = "ussdpw",
    }).ToDictionary(p => p.Key, p => p.Value);

    private async Task<(string ConversationId, string Token)> NewConversationAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("conversationId").GetString()!, json.GetProperty("token").GetString()!);
    }

    private static async Task<string> StreamUrlAsync(HttpClient http, string conversationId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
    }

    private static async Task PostAsync(HttpClient http, string conversationId, string token, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new
            {
                type = "message", text, locale = "ru-RU", from = new { id = "customer-on-a" },
                channelData = new { clientActivityID = Guid.NewGuid().ToString("N") },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The bot's next message activity on the socket (echoes of the customer's own and typing skipped).</summary>
    private static async Task<JsonElement> NextFromBotAsync(IAsyncEnumerator<JsonElement> activities)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await activities.MoveNextAsync().AsTask().WaitAsync(timeout.Token))
        {
            var activity = activities.Current;
            if (activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("id").GetString() != "customer-on-a")
                return activity;
        }
        throw new InvalidOperationException("The stream ended.");
    }

    private static async IAsyncEnumerator<JsonElement> ReadActivities(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, received.Count);
            } while (!received.EndOfMessage);
            if (received.MessageType == WebSocketMessageType.Close) yield break;
            if (message.Length == 0) continue;
            using var set = JsonDocument.Parse(message.ToArray());
            foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray()) yield return activity.Clone();
        }
    }
}
