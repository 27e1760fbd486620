using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>
/// The agent desk in Chromium: a customer asks for a person, the agent sees it arrive without reloading, takes it,
/// sees the screen pop-up (balance, earlier history) and replies; the reply reaches the customer's own channel.
/// </summary>
public partial class AgentDeskBrowserTests : SmsDeskBrowserTest
{
    private static readonly System.Text.RegularExpressions.Regex DeskAddress = DeskPage();

    [System.Text.RegularExpressions.GeneratedRegex("/staff/desk$")]
    private static partial System.Text.RegularExpressions.Regex DeskPage();

    private const string AgentPassword = "agent password 1";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Escalation:Groups:0:Name"] = "mobile";
        settings["Escalation:Groups:0:Topics:0"] = "roaming";
        settings["Escalation:Groups:0:Topics:1"] = "internet";
    }

    [SetUp]
    public async Task CreateAgentsAsync()
    {
        await CreateStaffAsync("masha", AgentPassword, StaffRoles.Agent, "Мария");
        await CreateStaffAsync("petr", AgentPassword, StaffRoles.Agent, "Пётр");
    }

    [Test]
    public async Task WebChatCustomer_AgentSeesItLive_TakesIt_SeesThePopUp_AndTheReplyReachesTheChat()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79161234567");
        await chat.AskAsync("БАЛАНС");

        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await Assertions.Expect(page.Locator("[data-test=waiting-count]")).ToHaveTextAsync("0");

        // The customer asks for a person while the desk is open: the row appears with no reload.
        var escalated = await chat.AskAsync("ОПЕРАТОР");
        Assert.That(escalated.Text, Does.StartWith("Вам ответит оператор"));
        await Assertions.Expect(page.Locator("[data-test=waiting] tr[data-ticket]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-test=waiting] .badge")).ToHaveTextAsync("webchat");

        await page.Locator("[data-test=take]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=customer-name]")).ToHaveTextAsync("Иван Петров");
        await Assertions.Expect(page.Locator("[data-test=balance]")).ToHaveTextAsync("350.00 RUB");
        await Assertions.Expect(page.Locator("[data-test=identities]")).ToContainTextAsync("webchat");
        await Assertions.Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync("БАЛАНС");
        await Assertions.Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync("Баланс: 350,00 RUB");

        // A line the customer writes now appears on the agent's screen by itself.
        using (await chat.PostAsync("У меня не работает интернет в роуминге")) { }
        await Assertions.Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync("не работает интернет");

        // A published answer goes into the reply box with one click (the agent may then adjust it).
        await page.Locator("[data-test=kb-search]").FillAsync("как подключить роуминг");
        await page.Locator("[data-test=kb-search]").PressAsync("Enter");
        await page.Locator("[data-test=insert]").First.ClickAsync();
        var inserted = await page.Locator("[data-test=reply-text]").InputValueAsync();
        Assert.That(inserted, Does.Contain("оуминг"));
        Assert.That(inserted, Does.Not.Contain("{{"), "the article's prices come from the catalogue, not as placeholders");

        await page.Locator("[data-test=reply-text]").FillAsync("Здравствуйте, Иван! Перезагрузите телефон, пожалуйста.");
        await page.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=notice]")).ToContainTextAsync("webchat");
        await Assertions.Expect(page.Locator("[data-test=timeline] li.agent")).ToContainTextAsync("Перезагрузите телефон");
        await Chromium.ScreenshotAsync(page, "desk");

        var reply = await chat.NextReplyAsync();
        Assert.That(reply.Text, Is.EqualTo("Здравствуйте, Иван! Перезагрузите телефон, пожалуйста."));

        // Closing returns the customer to self-service: the next question is answered by the bot again.
        await page.Locator("[data-test=close]").ClickAsync();
        // The redirect is enough: the address is polled, not the page's load, which may wait on its live connection under load.
        await Assertions.Expect(page).ToHaveURLAsync(DeskAddress, new() { Timeout = 60_000 });
        Assert.That((await chat.AskAsync("БАЛАНС")).Text, Does.Contain("350,00"));
    }

    [Test]
    public async Task SmsCustomer_AgentReplyGoesOutAsSms_SplitAsTheChannelNeeds()
    {
        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        await Smsc.DeliverAsync(new SmscDelivery("79031112233", SmsGatewaySettings.ShortCode, "ОПЕРАТОР") { Encoding = SmscTextEncoding.Ucs2 });
        await Assertions.Expect(page.Locator("[data-test=waiting] .badge")).ToHaveTextAsync("sms");
        await page.Locator("[data-test=take]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=balance]")).ToHaveTextAsync("5.00 RUB");
        var before = ToAnna().Count;

        // 258 UCS-2 characters: more than the bot's three parts, so not cut as a bot reply would be: one message of 4 parts.
        var answer = string.Join(' ', Enumerable.Repeat("Анна, пополните баланс в приложении.", 7));
        await page.Locator("[data-test=reply-text]").FillAsync(answer);
        await page.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=notice]")).ToContainTextAsync("sms");

        await Smsc.WaitForCountAsync("submit_sm", before + 4, e => e.StringOf("destination_addr") == "79031112233", TimeSpan.FromSeconds(15));
        var sent = ToAnna().Skip(before).OrderBy(e => e.GetProperty("udh").GetProperty("seq").GetInt32()).ToList();
        Assert.That(sent.Select(e => e.GetProperty("udh").GetProperty("ref").GetInt32()).Distinct().Count(), Is.EqualTo(1), "one concatenated message");
        Assert.That(sent.All(e => e.GetProperty("data_coding").GetInt32() == 8), Is.True, "Cyrillic goes as UCS-2");
        Assert.That(string.Concat(sent.Select(e => e.GetProperty("text").GetString())), Is.EqualTo(answer), "nothing cut off");
    }

    /// <summary>
    /// Issue 12: the desk shows the bot's Markdown answers rendered (sanitized, by the one renderer), and an article inserted
    /// into a reply to an SMS customer is the channel's own form: plain text, which the SMSC receives as it was inserted.
    /// </summary>
    [Test]
    public async Task SmsCustomer_HistoryIsRendered_AndAnInsertedArticleGoesOutAsPlainText()
    {
        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        await Smsc.DeliverAsync(new SmscDelivery("79031112233", SmsGatewaySettings.ShortCode, "не работает мобильный интернет") { Encoding = SmscTextEncoding.Ucs2 });
        await Smsc.DeliverAsync(new SmscDelivery("79031112233", SmsGatewaySettings.ShortCode, "ОПЕРАТОР") { Encoding = SmscTextEncoding.Ucs2 });
        await Assertions.Expect(page.Locator("[data-test=waiting] .badge")).ToHaveTextAsync("sms");
        await page.Locator("[data-test=take]").First.ClickAsync();

        // The bot's answer: a heading and a list, not "##" and "-".
        var answer = page.Locator("[data-test=timeline] li.out [data-test=rendered]").First;
        await Assertions.Expect(answer.Locator("h2")).ToHaveTextAsync("Не работает мобильный интернет");
        await Assertions.Expect(answer.Locator("ol li, ul li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=timeline]")).Not.ToContainTextAsync("## ");
        await Assertions.Expect(page.Locator("[data-test=timeline]")).Not.ToContainTextAsync("**");

        await page.Locator("[data-test=kb-search]").FillAsync("как пополнить баланс");
        await page.Locator("[data-test=kb-search]").PressAsync("Enter");
        await page.Locator("[data-test=insert]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=reply-text]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Пополнить баланс без комиссии"));
        var inserted = await page.Locator("[data-test=reply-text]").InputValueAsync();
        var before = ToAnna().Count;
        await page.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=notice]")).ToContainTextAsync("sms");

        var first = (await Smsc.WaitForCountAsync("submit_sm", before + 1, e => e.StringOf("destination_addr") == "79031112233", TimeSpan.FromSeconds(15)))[before];
        var total = first.TryGetProperty("udh", out var udh) && udh.ValueKind == JsonValueKind.Object ? udh.GetProperty("total").GetInt32() : 1;
        var sent = (await Smsc.WaitForCountAsync("submit_sm", before + total, e => e.StringOf("destination_addr") == "79031112233", TimeSpan.FromSeconds(15)))
            .Skip(before).Select(e => e.GetProperty("text").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(inserted, Does.Not.Contain("**").And.Not.Contain("##").And.Not.Contain("](").And.Not.Contain("{{"), "plain text, prices rendered");
            Assert.That(string.Concat(sent), Is.EqualTo(inserted));
        });
    }

    /// <summary>Posts the page's first "Take" form as the browser would; returns where the gateway redirected.</summary>
    private static async Task<string> TakeAsync(IPage page)
    {
        var form = page.Locator("[data-test=waiting] form").First;
        var fields = page.Context.APIRequest.CreateFormData()
            .Set("ticketId", await form.Locator("input[name=ticketId]").InputValueAsync())
            .Set("__RequestVerificationToken", await form.Locator("input[name=__RequestVerificationToken]").InputValueAsync());
        var response = await page.Context.APIRequest.PostAsync(await form.GetAttributeAsync("action") ?? "",
            new APIRequestContextOptions { Form = fields, MaxRedirects = 0 });
        Assert.That(response.Status, Is.EqualTo(302));
        return response.Headers["location"];
    }

    private List<JsonElement> ToAnna() => [.. Smsc.Events("submit_sm").Where(e => e.StringOf("destination_addr") == "79031112233")];

    [Test]
    public async Task Transfer_SendsTheConversationToAnotherGroupsQueue()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("ОПЕРАТОР");
        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await page.Locator("[data-test=take]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=bot-tried]")).ToContainTextAsync("general");

        await page.Locator("[data-test=transfer-group]").SelectOptionAsync("mobile");
        await page.Locator("[data-test=transfer]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(DeskAddress, new() { Timeout = 60_000 });
        var queue = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
        var ticket = queue[0].GetProperty("ticket");
        Assert.That((ticket.GetProperty("group").GetString(), ticket.GetProperty("state").GetString()), Is.EqualTo(("mobile", "Waiting")));
    }

    [Test]
    public async Task CustomerHtml_IsShownAsText_InTheDesk()
    {
        var chat = await ChatSession.StartAsync(Http);
        const string hostile = "<script>window.__owned = 1</script><img src=x onerror=\"window.__owned = 2\"><b>жирный</b>";
        await chat.AskAsync(hostile);
        await chat.AskAsync("ОПЕРАТОР");

        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await Assertions.Expect(page.Locator("[data-test=waiting] tr[data-ticket]")).ToHaveCountAsync(1);
        await page.Locator("[data-test=take]").First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=timeline]")).ToContainTextAsync(hostile);
        Assert.That(await page.Locator("[data-test=timeline] script, [data-test=timeline] img, [data-test=timeline] b").CountAsync(), Is.Zero);
        Assert.That(await page.EvaluateAsync<bool>("() => window.__owned === undefined"), Is.True);
    }

    [Test]
    public async Task TwoAgentsTakeAtOnce_OneGetsIt_AndTheOtherCannotReply()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("ОПЕРАТОР");
        var masha = await Chromium.NewPageAsync(Http.BaseAddress!);
        var petr = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(masha, "masha", AgentPassword, "/staff/desk");
        await StaffBrowser.SignInAsync(petr, "petr", AgentPassword, "/staff/desk");

        // Both press "Take" at the same moment: each page's own form (with its antiforgery token) posted in parallel,
        // before the live update could take the row away from either screen.
        var takes = await Task.WhenAll(TakeAsync(masha), TakeAsync(petr));
        Assert.That(takes.Count(t => t.Contains("/staff/desk/", StringComparison.Ordinal)), Is.EqualTo(1), "exactly one agent holds the conversation");
        var winner = takes[0].Contains("/staff/desk/", StringComparison.Ordinal) ? masha : petr;
        var loser = winner == masha ? petr : masha;
        var conversation = takes.Single(t => t.Contains("/staff/desk/", StringComparison.Ordinal));

        // The other agent opens the conversation anyway and tries to answer: refused, nothing sent.
        await loser.GotoAsync(conversation);
        await Assertions.Expect(loser.Locator("[data-test=held-by]")).ToBeVisibleAsync();
        await loser.Locator("[data-test=reply-text]").FillAsync("Я тоже хочу ответить");
        await loser.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(loser.Locator("[data-test=problem]")).ToContainTextAsync("another agent holds it");
        var outbox = await Http.GetFromJsonAsync<JsonElement>("/api/outbox?channel=webchat");
        Assert.That(outbox.EnumerateArray().Any(r => r.GetProperty("text").GetString() == "Я тоже хочу ответить"), Is.False);
    }

    [Test]
    public async Task LongWait_CustomerAsksForACallback_ItShowsAsATask()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79265554433");
        await chat.AskAsync("ОПЕРАТОР");
        var booked = await chat.AskAsync("ПЕРЕЗВОНИТЕ");
        Assert.That(booked.Text, Is.EqualTo("Мы перезвоним вам на номер +7926***4433. Чат можно закрыть."));

        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "masha", AgentPassword, "/staff/desk");
        await Assertions.Expect(page.Locator("[data-test=callbacks]")).ToContainTextAsync("+79265554433");
    }
}
