using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.Messaging;
using SelfService.Provisioning;

namespace SelfService.Commands.Tests;

public class CommandProcessorTests
{
    private const string Ivan = "+79161234567";
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync(o => o.MessagesPerMinute = 5);

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task Balance_OnSms_TrustsTheNetworkNumber()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "БАЛАНС");

        Assert.That(reply, Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."));
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(Ivan, CancellationToken.None))!.Identities.Single().ProvenBy, Is.EqualTo("network"));
    }

    [Test]
    public async Task Balance_SameNumberOnWebChat_IsNotTrusted()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Web, Ivan, "BAL");

        Assert.That(reply, Does.StartWith("For your account data, link your phone first"));
    }

    [Test]
    public async Task Confirmation_AnsweredAfterTheWindow_ChangesNothing()
    {
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ACT ROAMING");
        _harness.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "YES");

        Assert.That(reply, Is.EqualTo("Время на подтверждение истекло. Отправьте команду ещё раз."), "codes leave a Russian subscriber's replies Russian");
        var account = await _harness.Get<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Services.Any(s => s.Code == "ROAMING" && s.State == ServiceState.Active), Is.False);
    }

    [Test]
    public async Task Confirmation_AnsweredWithinTheWindow_Activates()
    {
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ACT ROAMING");
        _harness.Time.Advance(TimeSpan.FromMinutes(4));

        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "YES");

        Assert.That(reply, Does.StartWith("Услуга «Роуминг» подключена."));
    }

    [Test]
    public async Task Deactivate_OnSms_NeedsNoPin()
    {
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ОТКЛ ИНТЕРНЕТ");

        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ДА");

        Assert.That(reply, Does.StartWith("Услуга «Мобильный интернет"));
        Assert.That(reply, Does.Contain("отключена"));
    }

    [Test]
    public async Task LinkCode_TypedAfterItExpired_IsRefused()
    {
        const string web = "conversation-1";
        var outcome = await _harness.SendAsync(ProcessorHarness.Web, web, "LINK 8 916 123-45-67");
        var sms = outcome.Replies.Single(r => r.Channel == "sms");
        Assert.That(sms.Address, Is.EqualTo(Ivan));
        var code = System.Text.RegularExpressions.Regex.Match(sms.Reply.Short, @"\d{6}").Value;
        _harness.Time.Advance(TimeSpan.FromMinutes(11));

        var reply = await _harness.ReplyAsync(ProcessorHarness.Web, web, code);

        Assert.That(reply, Does.StartWith("The code has expired"));
        Assert.That(await _harness.Get<CustomerDirectory>().FindByIdentityAsync("webchat", web, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task LinkCode_FromAnotherConversation_DoesNotWork()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Web, "victim", "LINK +79161234567");
        var code = System.Text.RegularExpressions.Regex.Match(outcome.Replies.Single(r => r.Channel == "sms").Reply.Short, @"\d{6}").Value;
        await _harness.SendAsync(ProcessorHarness.Web, "attacker", "LINK +79161234567");

        var reply = await _harness.ReplyAsync(ProcessorHarness.Web, "attacker", code);

        Assert.That(reply, Does.StartWith("Wrong code"));
    }

    [Test]
    public async Task UnansweredQuestions_TwoInARow_Escalate()
    {
        var first = await _harness.SendAsync(ProcessorHarness.Web, "visitor", "what is the weather in Paris");
        var second = await _harness.SendAsync(ProcessorHarness.Web, "visitor", "recommend me a pizza place nearby");

        Assert.That(first.Kind, Is.EqualTo(CommandOutcomeKind.Unanswered));
        Assert.That(second.Kind, Is.EqualTo(CommandOutcomeKind.Escalated));
        var ticket = (await _harness.Get<EscalationQueue>().WaitingAsync(null, CancellationToken.None)).Single();
        Assert.That(ticket.Reason, Is.EqualTo("unanswered-questions"));
        Assert.That(ticket.LastQuestion, Is.EqualTo("recommend me a pizza place nearby"));
    }

    [Test]
    public async Task Escalated_FreeTextGoesToTheAgentAndClosingReturnsToSelfService()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "ОПЕРАТОР");
        var queue = _harness.Get<EscalationQueue>();
        var ticket = (await queue.WaitingAsync(null, CancellationToken.None)).Single();

        var waiting = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "у меня не работает интернет");
        Assert.That(waiting.Kind, Is.EqualTo(CommandOutcomeKind.ForAgent));
        Assert.That(waiting.Replies.Single().Reply.Short, Does.Contain("1-й в очереди"));

        Assert.That(await queue.TryTakeAsync(ticket.Id, "anna", CancellationToken.None), Is.True);
        var taken = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "вы здесь?");
        Assert.That(taken.Kind, Is.EqualTo(CommandOutcomeKind.ForAgent));
        Assert.That(taken.Replies, Is.Empty, "the agent answers in person");

        Assert.That((await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "БАЛАНС")).Kind, Is.EqualTo(CommandOutcomeKind.Executed), "codes work meanwhile");

        await queue.TryCloseAsync(ticket.Id, CancellationToken.None);
        var after = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "what is the weather in Paris");
        Assert.That(after.Kind, Is.EqualTo(CommandOutcomeKind.Unanswered));
    }

    [Test]
    public async Task RateLimit_SixthMessageInAMinute_IsRefused()
    {
        for (var i = 0; i < 5; i++) await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "HELP");

        var refused = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "HELP");

        Assert.That(refused.Kind, Is.EqualTo(CommandOutcomeKind.Refused));
        Assert.That(refused.Replies.Single().Reply.Short, Is.EqualTo("Слишком много сообщений. Подождите минуту и повторите."));
    }

    [Test]
    public async Task Stop_OnSms_OptsTheCustomerOutOfCampaigns()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "СТОП");

        Assert.That(reply, Does.StartWith("Вы отписаны"));
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(Ivan, CancellationToken.None))!.AcceptsCampaigns, Is.False);
    }

    [Test]
    public async Task SameMessageProcessedTwice_ChargesOnce()
    {
        var catalogue = _harness.Get<ActionCodes.ActionCatalogue>();
        Assert.That(catalogue.Actions, Is.Not.Empty);
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ACT SMSPACK");
        var yes = SelfService.Messaging.InboundMessage.Received("sms", "yes-1", Ivan, "YES", Ivan, _harness.Time.GetUtcNow()) with { Id = "yes-1" };
        var processor = _harness.Get<CommandProcessor>();

        await processor.ProcessAsync(yes, ProcessorHarness.Sms, CancellationToken.None);
        // A crash before the message was marked processed: recovery runs it again.
        await processor.ProcessAsync(yes, ProcessorHarness.Sms, CancellationToken.None);

        var account = await _harness.Get<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Balance, Is.EqualTo(300.00m));
    }
}
