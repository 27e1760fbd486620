using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests;

/// <summary>The self-service path end to end: a web chat customer, the real host over HTTP on loopback, the sample operator.</summary>
public class SelfServiceEndToEndTests : LoopbackGatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["AccessPolicies:Commands:STOP:Channels:0"] = "sms" };

    [Test]
    public async Task Balance_LinkedCustomer_GetsBalanceAndTariff()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79161234567");

        var reply = await chat.AskAsync("баланс");

        Assert.That(reply.Text, Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."));
    }

    [Test]
    public async Task Balance_EnglishKeywordWithTypoAndLookalikes_AnswersInEnglish()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+447700900123");

        var reply = await chat.AskAsync("  balanse ");

        Assert.That(reply.Text, Is.EqualTo("Balance: 120.00 RUB. Tariff: Smart."));
    }

    [Test]
    public async Task Activate_WithConfirmation_ChargesOnceAndRepeatIsIdempotent()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79161234567");

        var question = await chat.AskAsync("ВКЛ СМСПАКЕТ");
        Assert.That(question.Text, Does.StartWith("Подключить «Пакет 300 SMS»"));
        Assert.That(question.Choices, Is.EqualTo(new[] { "ДА", "НЕТ" }));
        Assert.That((await chat.AskAsync("баланс")).Text, Does.StartWith("Баланс: 350,00"), "nothing changes before YES");

        Assert.That((await chat.AskAsync("ВКЛ СМСПАКЕТ")).Text, Does.StartWith("Подключить"));
        var done = await chat.AskAsync("да");
        Assert.That(done.Text, Does.Contain("подключена").And.Contain("Списано 50,00 RUB").And.Contain("Баланс: 300,00 RUB"));

        var repeat = await chat.AskAsync("ВКЛ СМСПАКЕТ");
        Assert.That(repeat.Text, Does.Contain("уже подключена").And.Contain("Ничего не списано"));
        Assert.That((await chat.AskAsync("yes")).Text, Is.EqualTo("Нечего подтверждать."), "a code keeps the conversation Russian");
        Assert.That((await chat.AskAsync("баланс")).Text, Does.StartWith("Баланс: 300,00 RUB"));
        Assert.That((await chat.AskAsync("статус")).Text, Does.Contain("Пакет 300 SMS").And.Contain("Мобильный интернет"));
    }

    [Test]
    public async Task Activate_AnsweredNo_ChangesNothing()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79998887766");

        Assert.That((await chat.AskAsync("ACT ROAMING")).Choices, Is.EqualTo(new[] { "YES", "NO" }));
        Assert.That((await chat.AskAsync("NO")).Text, Is.EqualTo("Cancelled. Nothing was changed."));
        Assert.That((await chat.AskAsync("STATUS")).Text, Does.StartWith("You have no paid services"));
    }

    [Test]
    public async Task Deactivate_OnWebChat_NeedsConfirmationAndPin()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.LinkAsync("+79265554433");

        Assert.That((await chat.AskAsync("ОТКЛ РОУМИНГ")).Text, Does.StartWith("Отключить «Роуминг»?"));
        Assert.That((await chat.AskAsync("ДА")).Text, Does.Contain("ПИН"));
        Assert.That((await chat.AskAsync("ПИН 0000")).Text, Is.EqualTo("Неверный ПИН. Ничего не изменено."));
        Assert.That((await chat.AskAsync("статус")).Text, Does.Contain("Роуминг"));

        await chat.AskAsync("ОТКЛ РОУМИНГ");
        await chat.AskAsync("ДА");
        Assert.That((await chat.AskAsync("ПИН 2468")).Text, Does.StartWith("Услуга «Роуминг» отключена"));
    }

    [Test]
    public async Task Balance_UnlinkedWebVisitor_IsRefusedWithWhatToDo()
    {
        var chat = await ChatSession.StartAsync(Http);

        var reply = await chat.AskAsync("BAL");

        Assert.That(reply.Text, Does.StartWith("For your account data, link your phone first: send LINK"));
    }

    [Test]
    public async Task Command_NotAllowedOnThisChannel_IsRefusedPolitely()
    {
        var chat = await ChatSession.StartAsync(Http);

        var reply = await chat.AskAsync("STOP");

        Assert.That(reply.Text, Is.EqualTo("STOP is not available here. Please use SMS or USSD for it."));
    }

    [Test]
    public async Task Link_WrongCodeThreeTimes_LinksNothing()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("LINK +79031112233");
        var code = await OneTimeCodes.ReadAsync(Http, "+79031112233");
        var wrong = code == "000000" ? "111111" : "000000";

        Assert.That((await chat.AskAsync(wrong)).Text, Is.EqualTo("Wrong code. Attempts left: 2."));
        await chat.AskAsync(wrong);
        Assert.That((await chat.AskAsync(wrong)).Text, Does.StartWith("The code has expired"));
        Assert.That((await chat.AskAsync(code)).Text, Does.Not.Contain("linked"), "a used-up code stays dead");
        Assert.That((await chat.AskAsync("BAL")).Text, Does.StartWith("For your account data"));
    }

    [Test]
    public async Task Link_NumberOfNoSubscriber_SendsNoCode()
    {
        var chat = await ChatSession.StartAsync(Http);

        var reply = await chat.AskAsync("LINK +79001230000");

        Assert.That(reply.Text, Does.StartWith("Your number is not a subscriber of ours"));
        var outbox = await Http.GetFromJsonAsync<JsonElement>("/api/outbox?channel=sms&address=%2B79001230000");
        Assert.That(outbox.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Redelivery_SameClientMessageId_RunsOnce()
    {
        var chat = await ChatSession.StartAsync(Http);

        using var first = await chat.PostAsync("what is the weather in Paris", "client-1");
        using var second = await chat.PostAsync("what is the weather in Paris", "client-1");
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        var secondBody = await second.Content.ReadFromJsonAsync<JsonElement>();
        var reply = await chat.NextReplyAsync();

        Assert.That(secondBody.GetProperty("duplicate").GetBoolean(), Is.True);
        Assert.That(secondBody.GetProperty("messageId").GetString(), Is.EqualTo(firstBody.GetProperty("messageId").GetString()));
        Assert.That(reply.Text, Does.StartWith("Sorry, I have no answer"));
        // Had the redelivery run, it would have been the second unanswered question in a row, answered by an escalation
        // before anything this conversation says next: the reply to the next message is the event to wait for.
        var next = await chat.AskAsync("HELP");
        Assert.That(next.Text, Does.StartWith("Commands:"));
        var lines = await chat.ReadAsync();
        Assert.That(lines.Count(l => l.From == "bot"), Is.EqualTo(2));
        Assert.That(lines.Count(l => l.From == "user"), Is.EqualTo(2));
    }

    [Test]
    public async Task Agent_Requested_QueuesWithPositionAndWait()
    {
        var first = await ChatSession.StartAsync(Http);
        var second = await ChatSession.StartAsync(Http);

        Assert.That((await first.AskAsync("оператор")).Text, Is.EqualTo("Вам ответит оператор. Вы 1-й в очереди, ожидание около 3 мин."));
        Assert.That((await second.AskAsync("AGENT")).Text, Is.EqualTo("An operator will answer you here. You are number 2 in the queue; the wait is about 6 min. Rather not wait? Send CALLBACK and we will call you."));

        var queue = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
        Assert.That(queue.GetArrayLength(), Is.EqualTo(2));
        Assert.That(queue[0].GetProperty("ticket").GetProperty("reason").GetString(), Is.EqualTo("asked-for-agent"));
    }

    [Test]
    public async Task Questions_BelowTheThreshold_TwiceInARow_EscalateWithPosition()
    {
        var chat = await ChatSession.StartAsync(Http);

        Assert.That((await chat.AskAsync("what's the weather like in Paris tomorrow")).Text, Does.StartWith("Sorry, I have no answer"));
        var escalated = await chat.AskAsync("recommend a good pizza place nearby");

        Assert.That(escalated.Text, Is.EqualTo("An operator will answer you here. You are number 1 in the queue; the wait is about 3 min."));
        var ticket = (await Http.GetFromJsonAsync<JsonElement>("/api/queue"))[0].GetProperty("ticket");
        Assert.That(ticket.GetProperty("reason").GetString(), Is.EqualTo("unanswered-questions"));
        Assert.That(ticket.GetProperty("lastQuestion").GetString(), Is.EqualTo("recommend a good pizza place nearby"));
        Assert.That(ticket.GetProperty("channel").GetString(), Is.EqualTo("webchat"));
    }

    [Test]
    public async Task Queue_TwoAgentsTakeAtOnce_ExactlyOneGetsIt()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("AGENT");
        var ticketId = (await Http.GetFromJsonAsync<JsonElement>("/api/queue"))[0].GetProperty("ticket").GetProperty("id").GetString();

        var agents = (await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Gateway.CreateStaffClientAsync("agent" + i, SelfService.Staff.StaffRoles.Agent)))).ToList();
        var takes = await Task.WhenAll(agents.Select(agent => agent.PostAsync($"/api/queue/{ticketId}/take", null)));
        agents.ForEach(a => a.Dispose());

        Assert.That(takes.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(takes.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(7));
    }

    [Test]
    public async Task BadInput_EachGetsAClearAnswer()
    {
        var chat = await ChatSession.StartAsync(Http);

        Assert.That((await chat.AskAsync("   ")).Text, Is.EqualTo("Пустое сообщение. Отправьте ПОМОЩЬ, чтобы узнать команды."));
        Assert.That((await chat.AskAsync("\u0001\u0002\u0003\u0004binary\u0000")).Text, Is.EqualTo("We could not read your message. Please send plain text."));

        using var oversized = await chat.PostAsync(new string('x', 10_241));
        Assert.That(oversized.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));

        using var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/webchat/conversations/{chat.ConversationId}/messages")
        {
            Content = new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        malformed.Headers.Authorization = new("Bearer", chat.Token);
        using var malformedResponse = await Http.SendAsync(malformed);
        Assert.That(malformedResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await malformedResponse.Content.ReadAsStringAsync(), Does.Contain("must be JSON"));

        var forged = ChatSession.Resume(Http, chat.ConversationId, "forged-token");
        using var forgedResponse = await forged.PostAsync("BAL");
        Assert.That(forgedResponse.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var unknown = ChatSession.Resume(Http, "no-such-conversation", chat.Token);
        using var unknownResponse = await unknown.PostAsync("BAL");
        Assert.That(unknownResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        await chat.LinkAsync("+79998887766");
        Assert.That((await chat.AskAsync("ACT TELEPORT")).Text, Is.EqualTo("We have no service \"TELEPORT\". Send STATUS for your services or HELP."));
        Assert.That((await chat.AskAsync("ACT")).Text, Does.Match(@"^Which service\? For example: ACT [A-Z]+\.$"));
    }

    [Test]
    public async Task Profile_AfterLinking_ShowsIdentityAndOneTimeline()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("hello, how do I top up?");
        await chat.LinkAsync("+79161234567");
        await chat.AskAsync("BAL");

        var customer = await Http.GetFromJsonAsync<JsonElement>("/api/customers?msisdn=%2B79161234567");
        var identities = customer.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("channel").GetString()).ToList();
        Assert.That(identities, Does.Contain("webchat"));

        var history = await Http.GetFromJsonAsync<JsonElement>($"/api/customers/{customer.GetProperty("id").GetString()}/history");
        var texts = history.EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.That(texts[0], Is.EqualTo("hello, how do I top up?"), "the anonymous start of the conversation is claimed by the customer");
        Assert.That(texts, Does.Contain("BAL"));
        var times = history.EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.That(times, Is.Ordered);
    }
}
