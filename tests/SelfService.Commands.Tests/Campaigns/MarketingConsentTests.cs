using SelfService.Commands.Customers;
using SelfService.Messaging;
using SelfService.Storage.Campaigns;

namespace SelfService.Commands.Tests.Campaigns;

/// <summary>STOP and START, alone or with a campaign topic, in Russian and English: stored with their trail, confirmed in the customer's language.</summary>
public class MarketingConsentTests
{
    private const string Ivan = "+79161234567";
    private const string John = "+447700900123";
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    private IOptOutStore OptOuts => _harness.Get<IOptOutStore>();

    [TestCase(Ivan, "СТОП", "Вы отписаны от акций, новостей и опросов")]
    [TestCase(Ivan, "стоп", "Вы отписаны от акций, новостей и опросов")]
    [TestCase(Ivan, "ОТПИСАТЬСЯ", "Вы отписаны от акций, новостей и опросов")]
    [TestCase(Ivan, "хватит присылать рекламу", "Вы отписаны от акций, новостей и опросов")]
    [TestCase(John, "STOP", "You will get no more offers, news or surveys from us")]
    [TestCase(John, "STOPALL", "You will get no more offers, news or surveys from us")]
    [TestCase(John, "unsubscribe", "You will get no more offers, news or surveys from us")]
    [TestCase(John, "please stop sending me messages", "You will get no more offers, news or surveys from us")]
    public async Task Stop_AnySynonym_StopsEveryTopic_AndConfirmsInTheCustomersLanguage(string sender, string text, string confirmation)
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, sender, text);

        Assert.That(outcome.Subject, Is.EqualTo("STOP"));
        Assert.That(outcome.Replies.Single().Reply.Short, Does.StartWith(confirmation));
        Assert.That(await OptOuts.StoppedTopicsAsync(sender, CancellationToken.None), Is.EquivalentTo(new[] { OptOutChange.AllTopics }));
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(sender, CancellationToken.None))!.AcceptsCampaigns, Is.False);
    }

    [Test]
    public async Task StopTopic_English_StopsThatTopicOnly_AndSaysHowToResume()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, John, "STOP PROMO");

        Assert.That(outcome.Subject, Is.EqualTo("STOP PROMO"));
        Assert.That(outcome.Replies.Single().Reply.Short,
            Is.EqualTo("You will get no more offers and promotions from us; other messages still come. Send START PROMO to get them again."));
        Assert.That(await OptOuts.StoppedTopicsAsync(John, CancellationToken.None), Is.EquivalentTo(new[] { "PROMO" }));
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(John, CancellationToken.None))!.AcceptsCampaigns, Is.True,
            "one topic stopped is not every campaign stopped");
    }

    [Test]
    public async Task StopTopic_Russian_ByItsRussianName()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "СТОП НОВОСТИ");

        Assert.That(reply, Is.EqualTo("Вы отписаны: новости. Остальные сообщения будут приходить. Отправьте СТАРТ НОВОСТИ, чтобы подписаться снова."));
        Assert.That(await OptOuts.StoppedTopicsAsync(Ivan, CancellationToken.None), Is.EquivalentTo(new[] { "NEWS" }));
    }

    [Test]
    public async Task Start_AfterStops_ResumesEverything_StartTopicResumesOne()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "СТОП АКЦИИ");
        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "СТОП ОПРОСЫ");
        var one = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "СТАРТ ОПРОСЫ");
        Assert.That(one, Does.StartWith("Вы снова подписаны: опросы."));
        Assert.That(await OptOuts.StoppedTopicsAsync(Ivan, CancellationToken.None), Is.EquivalentTo(new[] { "PROMO" }));

        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "СТОП");
        var all = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "СТАРТ");

        Assert.That(all, Does.StartWith("Вы подписаны на акции, новости и опросы."));
        Assert.That(await OptOuts.StoppedTopicsAsync(Ivan, CancellationToken.None), Is.Empty);
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(Ivan, CancellationToken.None))!.AcceptsCampaigns, Is.True);
    }

    [Test]
    public async Task EveryChange_IsInTheTrail_WithWhatWasWritten_OnceEvenIfTheMessageRunsTwice()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "СТОП АКЦИИ");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        var again = InboundMessage.Received("sms", "again", Ivan, "STOP", Ivan, _harness.Time.GetUtcNow()) with { Id = "again" };
        var processor = _harness.Get<CommandProcessor>();
        await processor.ProcessAsync(again, ProcessorHarness.Sms, CancellationToken.None);
        // A crash before the message was marked processed: recovery runs it again.
        await processor.ProcessAsync(again, ProcessorHarness.Sms, CancellationToken.None);

        var trail = await OptOuts.HistoryAsync(Ivan, CancellationToken.None);

        Assert.That(trail.Select(c => (c.Topic, c.OptedOut, c.Text, c.Channel)), Is.EqualTo(new[]
        {
            ("PROMO", true, "СТОП АКЦИИ", "sms"), (OptOutChange.AllTopics, true, "STOP", "sms"),
        }));
        Assert.That(trail[1].Id, Is.EqualTo("again"));
    }

    [Test]
    public async Task StopWithSomethingElse_IsNotAnOptOut()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "STOP ROAMING");

        Assert.That(outcome.Subject, Is.Not.EqualTo("STOP"));
        Assert.That(await OptOuts.HistoryAsync(Ivan, CancellationToken.None), Is.Empty);
    }
}
