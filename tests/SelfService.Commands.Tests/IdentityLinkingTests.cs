using System.Globalization;
using System.Text.RegularExpressions;
using SelfService.Commands.Customers;

namespace SelfService.Commands.Tests;

/// <summary>
/// One-time codes for linking, as an attacker meets them: the probe's 300 conversations × (LINK + 3 guesses) against one
/// number queued 309 code SMS and never stopped. Codes and wrong guesses are now bounded per number (across all
/// conversations), per conversation and per client address, and the owner hears of every new link.
/// </summary>
public partial class IdentityLinkingTests
{
    private const string Ivan = "+79161234567";
    private static readonly string[] Subscribers = ["+79161234567", "+79031112233", "+447700900123", "+79265554433", "+79998887766"];
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync(o => o.MessagesPerMinute = 100_000);

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task ThreeHundredConversations_GuessingOneNumber_AreRefusedAfterTheLimit_AndFewCodesAreSent()
    {
        var codesSent = 0;
        var refusals = new HashSet<string>();
        for (var i = 0; i < 300; i++)
        {
            var conversation = "attacker-" + i.ToString(CultureInfo.InvariantCulture);
            var link = await _harness.SendAsync(ProcessorHarness.Web, conversation, "LINK " + Ivan);
            var sms = link.Replies.Where(r => r.Channel == "sms").ToList();
            codesSent += sms.Count;
            // Wrong on purpose: never the code that was sent (the attacker cannot see it; a lucky guess would make this test flaky).
            var code = sms.Count > 0 ? int.Parse(SixDigits().Match(sms[0].Reply.Short).Value, CultureInfo.InvariantCulture) : 0;
            for (var guess = 1; guess <= 3; guess++)
            {
                var wrong = ((code + guess) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                var reply = await _harness.ReplyAsync(ProcessorHarness.Web, conversation, wrong);
                Assert.That(reply, Does.Not.StartWith("Done"));
            }
            if (sms.Count == 0) refusals.Add(link.Replies.Single().Reply.Short);
        }

        Assert.That(codesSent, Is.LessThanOrEqualTo(3), "codes per number per hour");
        Assert.That(refusals, Is.EqualTo(new[] { "We cannot send a code to this number right now. Please try again later, or write OPERATOR to talk to a person." }),
            "one polite answer, whatever the limit");
        Assert.That((await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(Ivan, CancellationToken.None))?.Identities.Where(i => i.Channel == "webchat") ?? [], Is.Empty);
    }

    [Test]
    public async Task WrongGuesses_FromManyConversations_LockTheNumber_UntilTheLockEnds()
    {
        // Two conversations, three wrong guesses each: five failures for the number, across conversations, lock it.
        foreach (var conversation in new[] { "a", "b" })
        {
            var code = CodeIn(await _harness.SendAsync(ProcessorHarness.Web, conversation, "LINK " + Ivan));
            for (var guess = 1; guess <= 3; guess++) await _harness.ReplyAsync(ProcessorHarness.Web, conversation, Wrong(code, guess));
        }
        _harness.Time.Advance(TimeSpan.FromHours(2));   // past the hourly code limit: only the lock is left

        var owner = await _harness.SendAsync(ProcessorHarness.Web, "owner", "LINK " + Ivan);
        Assert.That(owner.Replies.Any(r => r.Channel == "sms"), Is.False, "locked: no code is sent, to anyone");

        _harness.Time.Advance(TimeSpan.FromHours(23));
        var later = await _harness.SendAsync(ProcessorHarness.Web, "owner-later", "LINK " + Ivan);
        var done = await _harness.ReplyAsync(ProcessorHarness.Web, "owner-later", CodeIn(later));
        Assert.That(done, Does.StartWith("Done"));
    }

    [Test]
    public async Task OneConversation_AskingForCodesToManyNumbers_IsLimited()
    {
        var sent = new List<bool>();
        foreach (var number in Subscribers.Take(4))
            sent.Add((await _harness.SendAsync(ProcessorHarness.Web, "one-chat", "LINK " + number)).Replies.Any(r => r.Channel == "sms"));

        Assert.That(sent, Is.EqualTo(new[] { true, true, true, false }));
    }

    [Test]
    public async Task OneClientAddress_ManyConversations_IsLimited_AnotherAddressIsNot()
    {
        var sent = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            var outcome = await _harness.SendAsync(ProcessorHarness.Web, "chat-" + i, "LINK " + Subscribers[i % Subscribers.Length], clientAddress: "198.51.100.7");
            sent.Add(outcome.Replies.Any(r => r.Channel == "sms"));
        }
        var elsewhere = await _harness.SendAsync(ProcessorHarness.Web, "chat-other", "LINK " + Subscribers[2], clientAddress: "203.0.113.9");

        Assert.That(sent, Is.EqualTo(new[] { true, true, true, true, true, false }));
        Assert.That(elsewhere.Replies.Any(r => r.Channel == "sms"), Is.True);
    }

    [Test]
    public async Task Linked_TheOwnerIsToldBySms_InTheirProfilesLanguage()
    {
        var code = CodeIn(await _harness.SendAsync(ProcessorHarness.Web, "new-chat", "LINK " + Ivan));

        var done = await _harness.SendAsync(ProcessorHarness.Web, "new-chat", code);

        var notice = done.Replies.Single(r => r.Channel == "sms");
        Assert.That(notice.Address, Is.EqualTo(Ivan));
        // LINK is a code, written in no language; the owner's subscriber record says Russian.
        Assert.That(notice.Reply.Short, Does.Contain("+7916***4567").And.Contain("webchat").And.Contain("не вы"));
    }

    private static string CodeIn(CommandOutcome outcome) => SixDigits().Match(outcome.Replies.Single(r => r.Channel == "sms").Reply.Short).Value;

    private static string Wrong(string code, int guess) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + guess) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}
