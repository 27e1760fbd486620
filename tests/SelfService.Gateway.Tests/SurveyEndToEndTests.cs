using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Gateway.Tests.Telegram;
using SelfService.Staff;
using SelfService.Testing.Peers;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Gateway.Tests;

/// <summary>
/// Surveys through the whole gateway and its real peers: a campaign's survey over SMS (the npm SMSC), and the satisfaction
/// survey after an agent closes a conversation, over Telegram (telegram-test-api, its buttons pressed) and over SMS, an
/// invalid answer asked again each time by SMS; then the results and the CSV export over the staff API.
/// </summary>
public class SurveyEndToEndTests
{
    private const string Ivan = "79161234567";
    private static readonly TelegramUser IvanInTelegram = new(700111, "Иван", "ru");
    private NodeSmsc _smsc = null!;
    private TelegramBotApiPeer _telegram = null!;
    private GatewayFactory _gateway = null!;
    private int _smsSeen;

    [SetUp]
    public async Task Start()
    {
        _smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        _telegram = await TelegramBotApiPeer.StartAsync();
        var settings = SmsGatewaySettings.For(_smsc);
        settings["Channels:Telegram:Enabled"] = "true";
        settings["Channels:Telegram:Token"] = _telegram.Token;
        settings["Channels:Telegram:ApiBaseUrl"] = _telegram.BaseUrl.ToString();
        settings["Channels:Telegram:PollingTimeout"] = "00:00:05";
        settings["Campaigns:Channels:0"] = "sms";
        settings["Campaigns:Channels:1"] = "telegram";
        settings["Surveys:Csat:Enabled"] = "true";
        _gateway = new GatewayFactory(settings);
        await _gateway.CreateLoopbackClientAsync();
        await _smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));
    }

    [TearDown]
    public async Task Stop()
    {
        _gateway.Dispose();
        await _telegram.DisposeAsync();
        await _smsc.DisposeAsync();
    }

    [Test]
    public async Task Surveys_OverSmsAndTelegram_AnInvalidAnswerAskedAgain_ResultsAndCsvHoldThem()
    {
        using var manager = await _gateway.CreateStaffClientAsync("marina", StaffRoles.CampaignManager);
        using var agent = await _gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);

        // A campaign's survey by SMS: numbered options; "7" is none of them and is asked again.
        var created = await manager.PostAsJsonAsync("/api/campaigns", new
        {
            name = "What matters", topic = "SURVEYS", channel = "sms", texts = new Dictionary<string, string> { ["ru"] = "Короткий опрос." },
            audience = new { kind = "List" }, trigger = new { kind = "Once" },
            survey = new
            {
                expiresAfterMinutes = 60,
                questions = new object[]
                {
                    new
                    {
                        id = "matters", kind = "Choice", texts = new { ru = "Что для вас важнее?" },
                        options = new[] { new { value = "price", labels = new { ru = "Цена" } }, new { value = "network", labels = new { ru = "Связь" } } },
                    },
                    new { id = "recommend", kind = "YesNo", texts = new { ru = "Порекомендуете нас?" } },
                },
            },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString()!;
        (await manager.PostAsync($"/api/campaigns/{campaignId}/numbers", new StringContent("+" + Ivan + "\n"))).EnsureSuccessStatusCode();
        (await manager.PostAsync($"/api/campaigns/{campaignId}/launch", null)).EnsureSuccessStatusCode();

        Assert.That(await NextSmsAsync(), Is.EqualTo("Короткий опрос.\n\nЧто для вас важнее?\n1. Цена\n2. Связь\nОтветьте цифрой."));
        Assert.That(await SmsAsync("7"), Does.StartWith("Не удалось понять ответ.\n\nЧто для вас важнее?\n1. Цена"));
        Assert.That(await SmsAsync("2"), Is.EqualTo("Порекомендуете нас?\nОтветьте ДА или НЕТ."));
        Assert.That(await SmsAsync("да"), Is.EqualTo("Спасибо за ответы!"));

        var results = await manager.GetFromJsonAsync<JsonElement>($"/api/surveys/{campaignId}");
        Assert.That((results.GetProperty("sent").GetInt32(), results.GetProperty("completed").GetInt32()), Is.EqualTo((1, 1)));
        Assert.That(Counts(results, "matters"), Is.EqualTo(new[] { ("Связь", 1) }));
        Assert.That(Counts(results, "recommend"), Is.EqualTo(new[] { ("yes", 1) }));

        // The satisfaction survey after an agent closes a conversation: by Telegram, the score pressed as a button.
        var chat = new TelegramConversation(_telegram, IvanInTelegram);
        await chat.ShareOwnContactAsync(Ivan);
        Assert.That(await NextSmsAsync(), Does.StartWith("Ваш номер +7916***4567 только что привязан"), "the phone is told of the link");
        await chat.SayAsync("ОПЕРАТОР");
        await TakeAndCloseAsync(agent);
        var rate = await chat.NextAsync();
        Assert.That(rate.Text, Is.EqualTo("Оцените, пожалуйста, как вам помогли."));
        Assert.That(rate.Buttons.Select(b => b.Text), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That((await chat.PressAsync(rate, "5")).Reply.Text, Is.EqualTo("Спасибо за ответы!"));

        // And by SMS: an invalid score asked again, a low one asks what to improve.
        Assert.That(await SmsAsync("ОПЕРАТОР"), Does.StartWith("Вам ответит оператор"));
        await TakeAndCloseAsync(agent);
        Assert.That(await NextSmsAsync(), Is.EqualTo("Оцените, пожалуйста, как вам помогли.\nОтветьте цифрой от 1 до 5."));
        Assert.That(await SmsAsync("отлично"), Is.EqualTo("Не удалось понять ответ.\n\nОцените, пожалуйста, как вам помогли.\nОтветьте цифрой от 1 до 5."));
        Assert.That(await SmsAsync("3"), Is.EqualTo("Что нам сделать лучше?\nОтветьте сообщением."));
        Assert.That(await SmsAsync("Отвечать быстрее, \"сразу\""), Is.EqualTo("Спасибо за ответы!"));

        var csat = await manager.GetFromJsonAsync<JsonElement>("/api/surveys/csat");
        Assert.That((csat.GetProperty("sent").GetInt32(), csat.GetProperty("completed").GetInt32()), Is.EqualTo((2, 2)));
        Assert.That(Counts(csat, "score"), Is.EqualTo(new[] { ("3", 1), ("5", 1) }));
        var score = csat.GetProperty("questions").EnumerateArray().First().GetProperty("mean").GetDecimal();
        Assert.That(score, Is.EqualTo(4m));

        var export = await manager.GetAsync("/api/surveys/csat/responses.csv");
        Assert.That(export.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var rows = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rows[0], Is.EqualTo("response,msisdn,channel,address,language,state,started_at,score,improve"));
        Assert.That(rows.Skip(1).Select(r => r.Split(',')[2]).Order(), Is.EqualTo(new[] { "sms", "telegram" }));
        Assert.That(rows, Has.Some.EndsWith(",completed," + rows.Single(r => r.Contains(",sms,", StringComparison.Ordinal)).Split(',')[6]
            + ",3,\"Отвечать быстрее, \"\"сразу\"\"\""));
        Assert.That(rows.Single(r => r.Contains(",telegram,", StringComparison.Ordinal)), Does.Contain(",700111,ru,completed,").And.EndWith(",5,"));

        // Each answer is in Ivan's timeline; the results and the export are in the audit trail.
        using var admin = await _gateway.CreateLoopbackClientAsync();
        var profile = await admin.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=%2B" + Ivan);
        var timeline = (await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{profile.GetProperty("id").GetString()}/history")).EnumerateArray()
            .Where(e => e.GetProperty("subject").GetString()?.StartsWith("survey:", StringComparison.Ordinal) == true && e.GetProperty("kind").GetString() == "Action")
            .Select(e => (e.GetProperty("channel").GetString(), e.GetProperty("text").GetString())).ToList();
        Assert.That(timeline, Is.EqualTo(new[]
        {
            ("sms", "Что для вас важнее? — Связь"), ("sms", "Порекомендуете нас? — yes"),
            ("telegram", "Оцените, пожалуйста, как вам помогли. — 5"),
            ("sms", "Оцените, пожалуйста, как вам помогли. — 3"), ("sms", "Что нам сделать лучше? — Отвечать быстрее, \"сразу\""),
        }));
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/staff/audit?subject=survey:csat");
        Assert.That(audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()), Is.EquivalentTo(new[] { "survey.results", "survey.export" }));
        Assert.That((await agent.GetAsync("/api/surveys/csat")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "results are for campaign managers");
        Assert.That((await manager.GetAsync("/api/surveys/nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static IEnumerable<(string?, int)> Counts(JsonElement results, string question) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == question)
            .GetProperty("answers").EnumerateArray().Select(a => (a.GetProperty("label").GetString(), a.GetProperty("count").GetInt32()));

    private async Task TakeAndCloseAsync(HttpClient agent)
    {
        var waiting = await agent.GetFromJsonAsync<JsonElement>("/api/queue");
        var ticketId = waiting[0].GetProperty("ticket").GetProperty("id").GetString();
        (await agent.PostAsync($"/api/queue/{ticketId}/take", null)).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/queue/{ticketId}/close", null)).EnsureSuccessStatusCode();
    }

    private async Task<string> SmsAsync(string text)
    {
        await _smsc.DeliverAsync(new SmscDelivery(Ivan, SmsGatewaySettings.ShortCode, text) { Encoding = SmscTextEncoding.Ucs2 });
        return await NextSmsAsync();
    }

    /// <summary>The next whole message the gateway sent Ivan, its parts joined.</summary>
    private async Task<string> NextSmsAsync()
    {
        static bool ToIvan(JsonElement e) => e.StringOf("destination_addr") == Ivan;
        var first = (await _smsc.WaitForCountAsync("submit_sm", _smsSeen + 1, ToIvan, TimeSpan.FromSeconds(30)))[_smsSeen];
        var total = first.TryGetProperty("udh", out var udh) ? udh.GetProperty("total").GetInt32() : 1;
        var parts = (await _smsc.WaitForCountAsync("submit_sm", _smsSeen + total, ToIvan, TimeSpan.FromSeconds(30))).Skip(_smsSeen).Take(total);
        _smsSeen += total;
        return string.Concat(parts.OrderBy(p => p.TryGetProperty("udh", out var u) ? u.GetProperty("seq").GetInt32() : 1).Select(p => p.GetProperty("text").GetString()));
    }
}
