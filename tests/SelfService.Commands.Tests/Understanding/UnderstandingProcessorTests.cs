using SelfService.Commands.Escalation;
using SelfService.Provisioning;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>Requests in customers' own words through the whole processor: they act, queue, or ask which.</summary>
public sealed class UnderstandingProcessorTests
{
    private const string Ivan = "+79161234567";
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task NaturalRequest_AfterConfirmation_ActivatesTheService()
    {
        var question = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "хочу подключить роуминг пожалуйста");
        var done = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "да");

        Assert.That(question, Does.StartWith("Подключить «Роуминг»"));
        Assert.That(done, Does.StartWith("Услуга «Роуминг» подключена"));
        var account = await _harness.Get<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Services.Any(s => s.Code == "ROAMING" && s.State == ServiceState.Active), Is.True);
    }

    [Test]
    public async Task ExactCode_WithFillerAroundTheService_FindsTheService()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ВКЛ МНЕ РОУМИНГ");

        Assert.That(reply, Does.StartWith("Подключить «Роуминг»"));
    }

    [Test]
    public async Task RequestForAPerson_InAnyWords_JoinsTheQueue()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "как связаться с живым человеком?");

        Assert.That(outcome.Kind, Is.EqualTo(CommandOutcomeKind.Escalated));
        Assert.That(outcome.Subject, Is.EqualTo(EscalationReasons.AskedForAgent));
    }

    [Test]
    public async Task TwoServicesFit_AsksWithNumberedChoices_AndADigitPicks()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "подключите пакет");
        var picked = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "2");

        var reply = outcome.Replies[0].Reply;
        Assert.That(reply.Choices, Is.EqualTo(new[] { "Подключить «Мобильный интернет 10 ГБ»", "Подключить «Пакет 300 SMS»" }));
        Assert.That(reply.Short, Does.Contain("1. Подключить «Мобильный интернет 10 ГБ»"));
        Assert.That(picked, Does.StartWith("Подключить «Пакет 300 SMS»"));
    }

    [Test]
    public async Task UncertainRequest_ChoosingTheQuestion_GetsTheKnowledgeBaseAnswer()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "хочу есим вместо пластиковой симки");
        var choices = outcome.Replies[0].Reply.Choices!;
        var answer = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, choices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(choices[^1], Is.EqualTo("Ничего из этого, у меня вопрос"));
        Assert.That(answer.Kind, Is.EqualTo(CommandOutcomeKind.Answered));
    }

    [Test]
    public async Task HowToQuestion_IsAnsweredByTheKnowledgeBase_EvenUnlinked()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "how do I turn off voicemail?");

        Assert.That(outcome.Kind, Is.EqualTo(CommandOutcomeKind.Answered));
        Assert.That(outcome.Subject, Is.EqualTo("voicemail-en"));
    }
}
