using SelfService.Storage.Channels;

namespace SelfService.Storage.Contract;

/// <summary>
/// The channels' own state: SMS concatenation parts (assembly, redeliveries, expiry, parts arriving at once on several
/// binds), Telegram chats, email threads and signing keys.
/// </summary>
public abstract class ChannelStateContract : StorageContract
{
    private static ConcatenatedPart Part(string setKey, int sequence, int total, string text, DateTimeOffset at) => new()
    {
        SetKey = setKey, Source = "+79161234567", Destination = "1212", Sequence = sequence, Total = total, Text = text, DataCoding = 8, ReceivedAt = at,
    };

    [Test]
    public async Task AddPart_InAnyOrder_TheLastOneReturnsTheSetInSequence()
    {
        var parts = Store.ConcatenatedParts;

        var third = await parts.AddAsync(Part("a|1212|7|3", 3, 3, "three", T0), None);
        var first = await parts.AddAsync(Part("a|1212|7|3", 1, 3, "one ", T0), None);
        var second = await parts.AddAsync(Part("a|1212|7|3", 2, 3, "two ", T0), None);

        Assert.That((third, first), Is.EqualTo(((IReadOnlyList<ConcatenatedPart>?)null, (IReadOnlyList<ConcatenatedPart>?)null)));
        Assert.That(second, Is.Not.Null);
        Assert.That(second!.Select(p => (p.Sequence, p.Text)), Is.EqualTo(new[] { (1, "one "), (2, "two "), (3, "three") }));
        Assert.That(second!.Select(p => (p.Source, p.Destination, p.Total, p.DataCoding, p.ReceivedAt)), Is.All.EqualTo(("+79161234567", "1212", 3, (byte)8, T0)));
    }

    [Test]
    public async Task AddPart_RedeliveredBeforeTheSetIsComplete_CountsOnce()
    {
        var parts = Store.ConcatenatedParts;

        await parts.AddAsync(Part("k", 1, 2, "one", T0), None);
        var again = await parts.AddAsync(Part("k", 1, 2, "one", T0), None);
        var complete = await parts.AddAsync(Part("k", 2, 2, "two", T0), None);

        Assert.That(again, Is.Null, "one part of two is still one");
        Assert.That(complete!.Select(p => p.Text), Is.EqualTo(new[] { "one", "two" }));
    }

    [Test]
    public async Task AddPart_TheSamePartAfterTheSetWasAccepted_IsKnownForARedelivery()
    {
        var parts = Store.ConcatenatedParts;
        await parts.AddAsync(Part("k", 1, 2, "one", T0), None);
        await parts.AddAsync(Part("k", 2, 2, "two", T0), None);
        await parts.MarkAcceptedAsync("k", None);

        var redelivered = await parts.AddAsync(Part("k", 2, 2, "two", T0), None);

        Assert.That(redelivered, Is.Empty);
    }

    [Test]
    public async Task AddPart_ANewMessageReusingTheReferenceOfAnAcceptedOne_StartsANewSet()
    {
        var parts = Store.ConcatenatedParts;
        await parts.AddAsync(Part("k", 1, 2, "old one", T0), None);
        await parts.AddAsync(Part("k", 2, 2, "old two", T0), None);
        await parts.MarkAcceptedAsync("k", None);

        var first = await parts.AddAsync(Part("k", 2, 2, "new two", T0.AddMinutes(1)), None);
        var complete = await parts.AddAsync(Part("k", 1, 2, "new one", T0.AddMinutes(1)), None);

        Assert.That(first, Is.Null, "the accepted parts are not part of the new message");
        Assert.That(complete!.Select(p => p.Text), Is.EqualTo(new[] { "new one", "new two" }));
    }

    [Test]
    public async Task AddPart_EveryPartOfManySetsAtOnce_EachSetCompletesExactlyOnce()
    {
        const int Sets = 40, Total = 4;
        var adds = Enumerable.Range(0, Sets).SelectMany(set => Enumerable.Range(1, Total).Select(sequence => (set, sequence)))
            .Select(p => Task.Run(async () => (p.set, Result: await Store.ConcatenatedParts.AddAsync(Part("set" + p.set, p.sequence, Total, "p" + p.sequence, T0), None))));

        var results = await Task.WhenAll(adds);

        var completions = results.Where(r => r.Result is { Count: > 0 }).ToList();
        Assert.That(completions.Select(c => c.set), Is.EquivalentTo(Enumerable.Range(0, Sets)), "each set completed once, by one of its parts");
        Assert.That(completions.Select(c => string.Join(",", c.Result!.Select(p => p.Text))), Is.All.EqualTo("p1,p2,p3,p4"));
    }

    [Test]
    public async Task TakeExpired_ReturnsIncompleteSetsAndRemovesAllStaleOnes_KeepsFreshOnes()
    {
        var parts = Store.ConcatenatedParts;
        await parts.AddAsync(Part("incomplete", 2, 3, "two", T0), None);
        await parts.AddAsync(Part("incomplete", 1, 3, "one", T0.AddSeconds(1)), None);
        await parts.AddAsync(Part("accepted", 1, 2, "one", T0), None);
        await parts.AddAsync(Part("accepted", 2, 2, "two", T0), None);
        await parts.MarkAcceptedAsync("accepted", None);
        await parts.AddAsync(Part("fresh", 1, 2, "one", T0.AddMinutes(10)), None);

        var expired = await parts.TakeExpiredAsync(T0.AddMinutes(5), None);
        var again = await parts.TakeExpiredAsync(T0.AddMinutes(5), None);

        Assert.That(expired.Select(set => set.Select(p => p.Text)), Is.EqualTo(new[] { new[] { "one", "two" } }));
        Assert.That(again, Is.Empty, "taken means removed");
        Assert.That(await parts.AddAsync(Part("accepted", 2, 2, "two", T0.AddMinutes(6)), None), Is.Null,
            "the accepted set is gone too, so its part is a new message now");
        Assert.That(await parts.AddAsync(Part("fresh", 2, 2, "two", T0.AddMinutes(10)), None), Has.Count.EqualTo(2), "the fresh set was kept");
    }

    [Test]
    public async Task Parts_SurviveARestart()
    {
        await Store.ConcatenatedParts.AddAsync(Part("k", 1, 2, "Привет, ", T0), None);

        await ReopenAsync();
        var complete = await Store.ConcatenatedParts.AddAsync(Part("k", 2, 2, "мир", T0), None);

        Assert.That(string.Concat(complete!.Select(p => p.Text)), Is.EqualTo("Привет, мир"));
    }

    [Test]
    public async Task TelegramChat_UnreachableUntilMarkedReachable_KeepsTheFirstSince()
    {
        var chats = Store.TelegramChats;

        await chats.MarkUnreachableAsync(42, "blocked", T0, None);
        await chats.MarkUnreachableAsync(42, "blocked again", T0.AddHours(1), None);
        var unreachable = await chats.FindAsync(42, None);
        await chats.MarkReachableAsync(42, None);
        var reachable = await chats.FindAsync(42, None);

        Assert.That((unreachable!.UnreachableReason, unreachable.UnreachableSince), Is.EqualTo(("blocked again", (DateTimeOffset?)T0)));
        Assert.That((reachable!.UnreachableReason, reachable.UnreachableSince), Is.EqualTo(((string?)null, (DateTimeOffset?)null)));
        Assert.That(await chats.FindAsync(7, None), Is.Null);
    }

    [Test]
    public async Task TelegramChat_ShareContactShown_IsKeptPerChatAndSurvivesMarkingReachable()
    {
        var chats = Store.TelegramChats;

        await chats.SetShareContactShownAsync(-100200300400, true, None);
        await chats.MarkUnreachableAsync(-100200300400, "blocked", T0, None);
        await chats.MarkReachableAsync(-100200300400, None);
        var shown = (await chats.FindAsync(-100200300400, None))!.ShareContactShown;
        await chats.SetShareContactShownAsync(-100200300400, false, None);

        Assert.That(shown, Is.True);
        Assert.That((await chats.FindAsync(-100200300400, None))!.ShareContactShown, Is.False);
    }

    [Test]
    public async Task TelegramState_OffsetAndPartsSent_SurviveARestart()
    {
        Assert.That(await Store.TelegramChats.GetOffsetAsync(None), Is.Zero);
        await Store.TelegramChats.SaveOffsetAsync(9_000_000_001, null, None);
        await Store.TelegramChats.RecordPartsSentAsync("out-1", 2, None);
        await Store.TelegramChats.RecordPartsSentAsync("out-2", 1, None);
        await Store.TelegramChats.ForgetPartsSentAsync("out-2", None);

        await ReopenAsync();

        Assert.That(await Store.TelegramChats.GetOffsetAsync(None), Is.EqualTo(9_000_000_001));
        Assert.That(await Store.TelegramChats.PartsSentAsync("out-1", None), Is.EqualTo(2));
        Assert.That(await Store.TelegramChats.PartsSentAsync("out-2", None), Is.Zero);
    }

    [Test]
    public async Task EmailThread_SavedFoundReplacedDeleted()
    {
        var threads = Store.EmailThreads;
        await threads.SaveAsync(new EmailThread { Id = "in-1", MessageId = "q1@customers.test", References = ["q0@customers.test"], Subject = "Роуминг", ReceivedAt = T0 }, None);
        await threads.SaveAsync(new EmailThread { Id = "in-2", MessageId = null, Subject = " re: ", Language = "en", HadAttachments = true, ReceivedAt = T0 }, None);
        await threads.SaveAsync(new EmailThread { Id = "in-2", MessageId = "q2@customers.test", Subject = "replaced", ReceivedAt = T0 }, None);

        var first = await threads.FindAsync("in-1", None);
        var second = await threads.FindAsync("in-2", None);
        await threads.DeleteAsync("in-1", None);

        Assert.That((first!.MessageId, first.Subject, first.ReceivedAt), Is.EqualTo(("q1@customers.test", "Роуминг", T0)));
        Assert.That(first.References, Is.EqualTo(new[] { "q0@customers.test" }));
        Assert.That((second!.MessageId, second.Subject, second.HadAttachments), Is.EqualTo(("q2@customers.test", "replaced", false)));
        Assert.That(await threads.FindAsync("in-1", None), Is.Null);
    }

    [Test]
    public async Task EmailThread_KeepsTheSubjectExactly()
    {
        await Store.EmailThreads.SaveAsync(new EmailThread { Id = "in-1", Subject = "  ", ReceivedAt = T0 }, None);

        Assert.That((await Store.EmailThreads.FindAsync("in-1", None))!.Subject, Is.EqualTo("  "));
    }

    [Test]
    public async Task SigningKey_ManyStartsAtOnce_AllGetTheSameKey_WhichSurvivesARestart()
    {
        var candidates = Enumerable.Range(0, 16).Select(i => Enumerable.Repeat((byte)i, 32).ToArray()).ToList();

        var keys = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.SigningKeys.GetOrAddAsync("token-signing", c, None))));
        await ReopenAsync();
        var afterRestart = await Store.SigningKeys.GetOrAddAsync("token-signing", new byte[32], None);

        Assert.That(keys.Select(Convert.ToBase64String).Distinct().Count(), Is.EqualTo(1));
        Assert.That(candidates.Select(Convert.ToBase64String), Does.Contain(Convert.ToBase64String(keys[0])));
        Assert.That(afterRestart, Is.EqualTo(keys[0]));
        Assert.That(await Store.SigningKeys.GetOrAddAsync("another", new byte[] { 1, 2, 3 }, None), Is.EqualTo(new byte[] { 1, 2, 3 }), "keys are kept by name");
    }
}
