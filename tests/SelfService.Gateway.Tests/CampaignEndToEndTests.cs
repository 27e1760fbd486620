using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// A campaign through the whole gateway to the SMSC peer (npm smpp): written, previewed and launched over the staff API,
/// paced in SMS parts per second, a recipient's STOP in the middle of it honoured, and a customer's BAL during the blast
/// answered.
/// </summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class CampaignEndToEndTests
{
    private const int Recipients = 30;
    private const double PartsPerSecond = 10;
    private NodeSmsc _smsc = null!;
    private GatewayFactory _gateway = null!;

    [SetUp]
    public async Task Start()
    {
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = SmsGatewaySettings.For(_smsc);
        settings["Samples:SyntheticSubscribers"] = Recipients.ToString(CultureInfo.InvariantCulture);
        _gateway = new GatewayFactory(settings);
        await _gateway.CreateLoopbackClientAsync();
        await _smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task Stop()
    {
        _gateway.Dispose();
        await _smsc.DisposeAsync();
    }

    [Test]
    public async Task Campaign_PacedInParts_StopMidwayHonoured_BalanceAnsweredDuringTheBlast()
    {
        using var staff = await _gateway.CreateStaffClientAsync("marina", StaffRoles.CampaignManager);
        // 2 UCS-2 parts a message: {name} ("Subscriber 12") and the Cyrillic text make 80-odd characters.
        var text = "{name}, только до конца недели: роуминг по всему миру за полцены. Подключите: ВКЛ РОУМИНГ";
        var created = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Winter roaming", topic = "PROMO", channel = "sms", texts = new Dictionary<string, string> { ["ru"] = text, ["en"] = "{name}, roaming at half price" },
            defaultLanguage = "ru", audience = new { kind = "Segment", numberPrefixes = new[] { "+7900" } },
            trigger = new { kind = "Once" }, partsPerSecond = PartsPerSecond,
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("campaign").GetProperty("id").GetString()!;
        Assert.That(body.GetProperty("preview").GetProperty("texts").GetProperty("ru").GetProperty("parts").GetInt32(), Is.EqualTo(2));

        // The last recipient in order writes STOP as soon as the campaign has begun.
        var stopper = "7900" + (Recipients - 1).ToString("D7", CultureInfo.InvariantCulture);
        var first = _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var launched = await staff.PostAsync($"/api/campaigns/{id}/launch", null);
        Assert.That(launched.StatusCode, Is.EqualTo(HttpStatusCode.OK), await launched.Content.ReadAsStringAsync());
        await first;
        await _smsc.DeliverAsync(new SmscDelivery(stopper, SmsGatewaySettings.ShortCode, "СТОП") { Encoding = SmscTextEncoding.Ucs2 });
        var confirmation = await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == stopper, TimeSpan.FromSeconds(30));
        Assert.That(confirmation.GetProperty("text").GetString(), Does.StartWith("Вы отписаны"));

        // A customer who is not in the campaign asks for the balance during the blast.
        var asked = Stopwatch.StartNew();
        await _smsc.DeliverAsync("79161234567", SmsGatewaySettings.ShortCode, "BAL");
        var balance = await _smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == "79161234567", TimeSpan.FromSeconds(30));
        asked.Stop();
        Assert.That(balance.GetProperty("text").GetString(), Does.StartWith("Баланс: 350,00 RUB"));

        var optOuts = await staff.GetFromJsonAsync<JsonElement>("/api/opt-outs?msisdn=%2B" + stopper);
        Assert.That(optOuts.GetProperty("stopped").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "*" }));
        Assert.That(optOuts.GetProperty("changes")[0].GetProperty("text").GetString(), Is.EqualTo("СТОП"), "the trail keeps what they wrote");

        var progress = await WaitUntilDoneAsync(staff, id);
        Assert.That(progress.GetProperty("optedOut").GetInt32(), Is.EqualTo(1));
        Assert.That(progress.GetProperty("handedOver").GetInt32(), Is.EqualTo(Recipients - 1));

        // Every campaign message whole, two parts each; nothing of it to the one who stopped.
        var parts = await _smsc.WaitForCountAsync("submit_sm", 2 * (Recipients - 1), IsCampaignPart, TimeSpan.FromSeconds(60));
        var toStopper = string.Concat(_smsc.Events("submit_sm").Where(e => e.StringOf("destination_addr") == stopper).Select(e => e.GetProperty("text").GetString()));
        Assert.That(toStopper, Is.EqualTo("Вы отписаны от акций, новостей и опросов; служебные сообщения будут приходить. Отправьте СТАРТ, чтобы подписаться снова."),
            "after STOP, only the confirmation (in its two parts)");
        var firsts = parts.Where(p => p.GetProperty("udh").GetProperty("seq").GetInt32() == 1).Select(p => p.GetProperty("at").GetInt64()).Order().ToList();
        Assert.That(firsts, Has.Count.EqualTo(Recipients - 1));
        // Paced in parts: each message waits for the 2 parts of the one before it. Counting messages would take half this.
        // The bound sits halfway between the two (0.75): a first send held up by a busy machine shortens the span seen at
        // the SMSC a little, never by half. The measured pace is printed; its accuracy is the benchmark's figure.
        var span = TimeSpan.FromMilliseconds(firsts[^1] - firsts[0]);
        var partsSent = 2 * (firsts.Count - 1);
        Assert.That(span.TotalSeconds, Is.GreaterThanOrEqualTo(0.75 * partsSent / PartsPerSecond), "the pace counts SMS parts, not messages");
        TestContext.Out.WriteLine(
            $"campaign pace: {partsSent / span.TotalSeconds:0.0} parts/s measured at the SMSC over {partsSent} parts, configured {PartsPerSecond} parts/s");
        TestContext.Out.WriteLine($"BAL during the blast: answered in {asked.ElapsedMilliseconds} ms (MO delivered to reply submitted, at the test)");
    }

    [Test]
    public async Task Api_BadCron_IsA400ThatSaysWhy_AndOtherRolesAreRefused()
    {
        using var staff = await _gateway.CreateStaffClientAsync("marina", StaffRoles.CampaignManager);
        var bad = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Weekly", topic = "NEWS", texts = new Dictionary<string, string> { ["ru"] = "Новости недели" },
            trigger = new { kind = "Cron", cron = "every monday at ten" },
        });
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("trigger.cron").And.Contain("is not a Quartz cron expression"));

        using var agent = await _gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);
        Assert.That((await agent.GetAsync("/api/campaigns")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await _gateway.CreateAnonymousClient().GetAsync("/api/campaigns")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var good = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Weekly", topic = "NEWS", texts = new Dictionary<string, string> { ["ru"] = "Новости недели" },
            audience = new { kind = "List" }, trigger = new { kind = "Cron", cron = "0 0 10 ? * MON" },
        });
        var id = (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString();
        var upload = await staff.PostAsync($"/api/campaigns/{id}/numbers", new StringContent("msisdn\n+79161234567\n89031112233\nnope\n+79161234567\n"));
        var counts = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((counts.GetProperty("added").GetInt32(), counts.GetProperty("refused").GetInt32(), counts.GetProperty("duplicates").GetInt32()), Is.EqualTo((2, 2, 1)));
        Assert.That((await staff.PostAsync($"/api/campaigns/{id}/resume", null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a draft is not paused");

        // Bad input is a clear answer and no campaign half sent: a pace above the bind's, and a list with no numbers.
        var tooFast = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Fast", topic = "NEWS", texts = new Dictionary<string, string> { ["ru"] = "Новости" }, partsPerSecond = 500,
        });
        Assert.That(tooFast.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooFast.Content.ReadAsStringAsync(), Does.Contain("partsPerSecond: more than 0 and at most 50 SMS parts a second"));
        var empty = await staff.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Nobody", topic = "NEWS", texts = new Dictionary<string, string> { ["ru"] = "Новости" }, audience = new { kind = "List" },
        });
        var emptyId = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString();
        var refused = await staff.PostAsync($"/api/campaigns/{emptyId}/launch", null);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("the audience is empty: upload the list of numbers first"));
        Assert.That((await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{emptyId}/progress")).GetProperty("state").GetString(), Is.EqualTo("Draft"));

        using var admin = await _gateway.CreateLoopbackClientAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/staff/audit?subject=campaign:{id}");
        Assert.That(audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EquivalentTo(new[] { "campaign.create", "campaign.numbers", "campaign.resume.refused" }));
    }

    private static bool IsCampaignPart(JsonElement e) =>
        e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal) && e.TryGetProperty("udh", out var udh) && udh.ValueKind == JsonValueKind.Object;

    private static async Task<JsonElement> WaitUntilDoneAsync(HttpClient staff, string id)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var state = await staff.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/progress");
            if (state.GetProperty("state").GetString() == "Done") return state.GetProperty("progress");
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("the campaign did not finish: " + state);
            await Task.Delay(200);
        }
    }
}
