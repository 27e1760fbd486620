using SelfService.Channels;
using SelfService.Channels.Smpp;
using SelfService.Messaging;
using SelfService.Channels.Sms;
using SelfService.Commands.Tests.Understanding;
using SelfService.Smpp;

namespace SelfService.Commands.Tests;

/// <summary>
/// HELP fits the channel (issue 12, item 5): on SMS and USSD the short list of topics plus HELP &lt;topic&gt;, never a
/// list cut in the middle; on long-form channels every command.
/// </summary>
public sealed class HelpTests
{
    private const string Ivan = "+79161234567";
    private const string John = "+447700900123";

    // The SMS channel as the gateway builds it by default: its MaxParts, and the tighter of its UDH measures (152/66).
    private static readonly ChannelProfile RealSms = new(ChannelNames.Sms, ReplyForm.Short, new SmsOptions().MaxParts, SenderIsMsisdn: true,
        PartsOf: new MessageSplitter(new MessageSplitterOptions { Method = ConcatenationMethod.Udh16BitReference }).CountParts, Measure: GsmMeasure.Measure);

    // As the USSD adapter's own profile: GSM-7 text measured as such.
    private static readonly ChannelProfile Ussd = new(ChannelNames.Ussd, ReplyForm.Ussd, 1, SenderIsMsisdn: true, Measure: GsmMeasure.Measure);

    private ProcessorHarness _harness = null!;

    [SetUp]
    // Every topic is asked for in a row: more than the default rate limit lets through.
    public async Task Start() => _harness = await ProcessorHarness.StartAsync(policies => policies.MessagesPerMinute = 100);

    [TearDown]
    public void Stop() => _harness.Dispose();

    [TestCase(Ivan, "ПОМОЩЬ")]
    [TestCase(John, "HELP")]
    public async Task Help_OnSmsAndUssd_IsTheTopicListAndFitsUncut(string msisdn, string help)
    {
        var reply = (await _harness.SendAsync(RealSms, msisdn, help)).Replies[0].Reply;
        var onUssd = (await _harness.SendAsync(Ussd, msisdn, help)).Replies[0].Reply;
        var topics = new List<Reply>();
        var language = msisdn == Ivan ? "ru" : "en";
        foreach (var topic in SampleInterpreter.Catalogue.HelpTopics)
            topics.Add((await _harness.SendAsync(RealSms, msisdn, help + " " + topic.Names[language][0])).Replies[0].Reply);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Short, Does.Contain("1.").And.Contain("5."), "the topics, numbered");
            Assert.That(ReplySizer.Fit(reply, RealSms), Is.EqualTo(reply.Short), "not cut on SMS");
            Assert.That(ReplySizer.Fit(onUssd, Ussd), Is.EqualTo(onUssd.Short), "not cut on USSD");
            Assert.That(onUssd.Short, Does.Contain("5."), "every topic on USSD too");
            foreach (var topic in topics)
            {
                Assert.That(RealSms.PartsOf!(topic.Short), Is.LessThanOrEqualTo(RealSms.MaxSmsParts), topic.Short);
                Assert.That(ReplySizer.Fit(topic, RealSms), Is.EqualTo(topic.Short), "a topic is not cut either");
            }
        });
    }

    [TestCase("ru", "ПОМОЩЬ")]
    [TestCase("en", "HELP")]
    public async Task EveryCommand_IsListedUnderSomeTopic(string language, string help)
    {
        var msisdn = language == "ru" ? Ivan : John;
        var listed = "";
        foreach (var topic in SampleInterpreter.Catalogue.HelpTopics)
            listed += (await _harness.SendAsync(RealSms, msisdn, help + " " + topic.Names[language][0])).Replies[0].Reply.Short + "\n";

        var descriptions = SampleInterpreter.Catalogue.Actions.Select(a => a.Descriptions[language]).ToList();
        Assert.That(descriptions.Where(d => !listed.Contains(d, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task HelpTopic_ByItsNameOrNumber_ListsItsCommands()
    {
        var byName = await _harness.ReplyAsync(RealSms, Ivan, "ПОМОЩЬ УСЛУГИ");
        await _harness.SendAsync(RealSms, Ivan, "ПОМОЩЬ");
        var byNumber = await _harness.ReplyAsync(RealSms, Ivan, "1");

        Assert.That(byName, Does.StartWith("УСЛУГИ:").And.Contain("ВКЛ <услуга>").And.Contain("ОТКЛ <услуга>"));
        Assert.That(byNumber, Is.EqualTo(byName));
    }

    [Test]
    public async Task Help_OnALongFormChannel_ListsEveryCommand()
    {
        var reply = (await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", "ПОМОЩЬ")).Replies[0].Reply;

        Assert.That(SampleInterpreter.Catalogue.Actions.Select(a => a.Descriptions["ru"]).Where(d => !reply.LongForm.Contains(d, StringComparison.Ordinal)), Is.Empty);
        Assert.That(reply.Choices, Is.Null, "no topic buttons: the channel's own (Telegram's share-contact keyboard) stay");
    }

    [Test]
    public async Task HelpFollowedByAQuestion_IsAQuestion() =>
        Assert.That((await _harness.SendAsync(RealSms, John, "help my roaming does not work")).Kind, Is.Not.EqualTo(CommandOutcomeKind.Executed));
}
