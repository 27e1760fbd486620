using SelfService.Storage.Channels;
using SelfService.Storage.Customers;

namespace SelfService.Storage.Contract;

/// <summary>
/// The web chat's and Direct Line's transcripts: idempotent appends, and watermarks that never skip a line while many
/// tasks append at once (a reader that sees a line sees every earlier one), which is what the browsers' polling and the
/// Direct Line sockets rely on.
/// </summary>
public abstract class TranscriptContract : StorageContract
{
    private static WebChatActivity WebLine(string id, string conversation, DateTimeOffset at, string text = "hi") =>
        new() { ActivityId = id, ConversationId = conversation, From = "user", Text = text, At = at };

    private static DirectLineActivityRecord DirectLine(string key, string conversation, DateTimeOffset at, string text = "hi") =>
        new() { Key = key, ConversationId = conversation, Role = "user", FromId = "u", Text = text, Timestamp = at };

    [Test]
    public async Task WebChat_Conversation_IsFoundWithItsTokenHash()
    {
        await Store.WebChat.CreateAsync(new WebChatConversation { Id = "c1", TokenHash = "AB12", CreatedAt = T0 }, None);

        var found = await Store.WebChat.FindAsync("c1", None);

        Assert.That((found!.TokenHash, found.CreatedAt), Is.EqualTo(("AB12", T0)));
        Assert.That(await Store.WebChat.FindAsync("c2", None), Is.Null);
    }

    [Test]
    public async Task WebChat_AppendTheSameIdTwice_KeepsTheFirst()
    {
        await Store.WebChat.CreateAsync(new WebChatConversation { Id = "c1", TokenHash = "AB12", CreatedAt = T0 }, None);

        var added = await Store.WebChat.AppendAsync(WebLine("m1", "c1", T0, "first"), None);
        var again = await Store.WebChat.AppendAsync(WebLine("m1", "c1", T0, "second"), None);

        Assert.That((added, again), Is.EqualTo((true, false)));
        Assert.That((await Store.WebChat.AfterAsync("c1", 0, 100, None)).Select(l => l.Text), Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public async Task WebChat_After_ReturnsTheConversationsLinesAfterTheWatermarkInOrder_WithTheirChoices()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.WebChat.AppendAsync(WebLine("a" + i, "a", T0, "a" + i), None);
            await Store.WebChat.AppendAsync(WebLine("b" + i, "b", T0, "b" + i), None);
        }
        await Store.WebChat.AppendAsync(new WebChatActivity { ActivityId = "a5", ConversationId = "a", From = "bot", Text = "Подключить?", Choices = ["ДА", "НЕТ"], At = T0 }, None);

        var all = await Store.WebChat.AfterAsync("a", 0, 100, None);
        var page = await Store.WebChat.AfterAsync("a", all[1].Seq, 2, None);

        Assert.That(all.Select(l => l.Text), Is.EqualTo(new[] { "a0", "a1", "a2", "a3", "a4", "Подключить?" }));
        Assert.That(all.Select(l => l.Seq), Is.Ordered.Ascending.And.Unique);
        Assert.That(all[^1].Choices, Is.EqualTo(new[] { "ДА", "НЕТ" }));
        Assert.That(page.Select(l => l.Text), Is.EqualTo(new[] { "a2", "a3" }));
    }

    [Test]
    public async Task WebChat_ManyTasksAppendingWhileOthersPollByWatermark_EveryReaderSeesEveryLineOnceInOrder()
    {
        var conversations = new[] { "c0", "c1", "c2" };
        await WatermarksHoldAsync(conversations,
            (conversation, i) => Store.WebChat.AppendAsync(WebLine($"{conversation}-{i}", conversation, T0), None),
            async (conversation, watermark) => (await Store.WebChat.AfterAsync(conversation, watermark, 50, None)).Select(l => (l.Seq, l.ActivityId)).ToList());
    }

    [Test]
    public async Task WebChat_PurgeIdle_DeletesConversationsQuietSinceTheCutoffWithTheirLines()
    {
        var web = Store.WebChat;
        await web.CreateAsync(new WebChatConversation { Id = "quiet", TokenHash = "AA", CreatedAt = T0 }, None);
        await web.AppendAsync(WebLine("q1", "quiet", T0.AddHours(1)), None);
        await web.CreateAsync(new WebChatConversation { Id = "empty", TokenHash = "AA", CreatedAt = T0 }, None);
        await web.CreateAsync(new WebChatConversation { Id = "talking", TokenHash = "AA", CreatedAt = T0 }, None);
        await web.AppendAsync(WebLine("t1", "talking", T0.AddDays(40)), None);
        await web.CreateAsync(new WebChatConversation { Id = "new", TokenHash = "AA", CreatedAt = T0.AddDays(40) }, None);

        var purged = await web.PurgeIdleAsync(T0.AddDays(30), None);

        Assert.That(purged, Is.EqualTo(2));
        Assert.That(await web.FindAsync("quiet", None), Is.Null);
        Assert.That(await web.AfterAsync("quiet", 0, 100, None), Is.Empty);
        Assert.That(await web.FindAsync("empty", None), Is.Null);
        Assert.That(await web.FindAsync("talking", None), Is.Not.Null);
        Assert.That(await web.AfterAsync("talking", 0, 100, None), Has.Count.EqualTo(1));
        Assert.That(await web.FindAsync("new", None), Is.Not.Null);
    }

    [Test]
    public async Task DirectLine_Conversation_Exists()
    {
        await Store.DirectLineTranscripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "c1", CreatedAt = T0 }, None);

        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("c1", None), Is.True);
        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("c2", None), Is.False);
    }

    [Test]
    public async Task DirectLine_AppendTheSameKeyTwice_ReturnsTheFirstAndSaysItWasThere()
    {
        var transcripts = Store.DirectLineTranscripts;

        var (first, added) = await transcripts.AppendAsync(DirectLine("k1", "c1", T0, "first"), None);
        var (again, addedAgain) = await transcripts.AppendAsync(DirectLine("k1", "c1", T0, "second"), None);

        Assert.That((added, addedAgain), Is.EqualTo((true, false)));
        Assert.That((again.Seq, again.Text), Is.EqualTo((first.Seq, "first")));
        Assert.That(first.Seq, Is.GreaterThan(0));
        Assert.That((await transcripts.FindByKeyAsync("k1", None))!.ActivityId, Is.EqualTo(first.ActivityId));
        Assert.That(await transcripts.FindByKeyAsync("k2", None), Is.Null);
    }

    [Test]
    public async Task DirectLine_Activity_KeepsEveryField()
    {
        var activity = new DirectLineActivityRecord
        {
            Key = "k1", ConversationId = "c1", Role = "bot", FromId = "selfservice", FromName = "SelfService", Text = " **Баланс** ",
            TextFormat = "markdown", Locale = "ru-RU", ChannelDataJson = "{\"clientActivityID\":\"x\"}", Choices = ["ДА", "НЕТ"], ReplyToId = "c1|0000001",
            Timestamp = T0,
        };
        await Store.DirectLineTranscripts.AppendAsync(activity, None);

        var stored = (await Store.DirectLineTranscripts.AfterAsync("c1", 0, 10, None)).Single();

        Assert.That((stored.Key, stored.Role, stored.FromId, stored.FromName, stored.Text, stored.TextFormat, stored.Locale, stored.ChannelDataJson, stored.ReplyToId, stored.Timestamp),
            Is.EqualTo(("k1", "bot", "selfservice", "SelfService", " **Баланс** ", "markdown", "ru-RU", "{\"clientActivityID\":\"x\"}", "c1|0000001", T0)));
        Assert.That(stored.Choices, Is.EqualTo(new[] { "ДА", "НЕТ" }));
    }

    [Test]
    public async Task DirectLine_ManyTasksAppendingWhileOthersPollByWatermark_EveryReaderSeesEveryActivityOnceInOrder()
    {
        var conversations = new[] { "c0", "c1", "c2" };
        await WatermarksHoldAsync(conversations,
            async (conversation, i) => (await Store.DirectLineTranscripts.AppendAsync(DirectLine($"{conversation}-{i}", conversation, T0), None)).Added,
            async (conversation, watermark) => (await Store.DirectLineTranscripts.AfterAsync(conversation, watermark, 50, None)).Select(a => (a.Seq, a.Key)).ToList());
    }

    [Test]
    public async Task DirectLine_PurgeIdle_DeletesConversationsQuietSinceTheCutoffWithTheirActivities()
    {
        var transcripts = Store.DirectLineTranscripts;
        await transcripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "quiet", CreatedAt = T0 }, None);
        await transcripts.AppendAsync(DirectLine("q1", "quiet", T0.AddHours(1)), None);
        await transcripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "talking", CreatedAt = T0 }, None);
        await transcripts.AppendAsync(DirectLine("t1", "talking", T0.AddDays(40)), None);
        await transcripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "new", CreatedAt = T0.AddDays(40) }, None);

        var purged = await transcripts.PurgeIdleAsync(T0.AddDays(30), None);

        Assert.That(purged, Is.EqualTo(1));
        Assert.That(await transcripts.ExistsAsync("quiet", None), Is.False);
        Assert.That(await transcripts.FindByKeyAsync("q1", None), Is.Null);
        Assert.That(await transcripts.ExistsAsync("talking", None), Is.True);
        Assert.That(await transcripts.ExistsAsync("new", None), Is.True);
    }

    [Test]
    public async Task Purge_WithAConversationRetention_DeletesTheIdleConversationsOfBothChats_AndWithoutOneKeepsThem()
    {
        await Store.WebChat.CreateAsync(new WebChatConversation { Id = "web", TokenHash = "AA", CreatedAt = T0 }, None);
        await Store.WebChat.AppendAsync(WebLine("w1", "web", T0), None);
        await Store.DirectLineTranscripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "dl", CreatedAt = T0 }, None);
        await Store.DirectLineTranscripts.AppendAsync(DirectLine("d1", "dl", T0), None);
        var now = T0.AddDays(31);
        var days30 = TimeSpan.FromDays(30);

        var kept = await Store.PurgeAsync(new RetentionPolicy(days30, days30, days30), now, None);
        var stillThere = (await Store.WebChat.FindAsync("web", None) is not null, await Store.DirectLineTranscripts.ExistsAsync("dl", None));
        var purged = await Store.PurgeAsync(new RetentionPolicy(days30, days30, days30) { Conversations = days30 }, now, None);

        Assert.That((kept.Conversations, stillThere), Is.EqualTo((0, (true, true))));
        Assert.That(purged.Conversations, Is.EqualTo(2));
        Assert.That(await Store.WebChat.FindAsync("web", None), Is.Null);
        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("dl", None), Is.False);
    }

    [Test]
    public async Task Purge_UnlinkedConversations_GoSooner_ButOnesWhoseVisitorLinkedANumberStay()
    {
        foreach (var id in new[] { "anonymous", "linked" })
        {
            await Store.WebChat.CreateAsync(new WebChatConversation { Id = id, TokenHash = id, CreatedAt = T0 }, None);
            await Store.WebChat.AppendAsync(WebLine(id + "-1", id, T0), None);
            await Store.DirectLineTranscripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "dl-" + id, CreatedAt = T0 }, None);
            await Store.DirectLineTranscripts.AppendAsync(DirectLine("dl-" + id + "-1", "dl-" + id, T0), None);
        }
        var customer = new Customer { Id = "c1", Msisdn = "+79161234567", CreatedAt = T0 };
        customer.Identities.Add(new ChannelIdentity { Key = IdentityKeys.Of("webchat", "linked"), Channel = "webchat", Address = "linked" });
        customer.Identities.Add(new ChannelIdentity { Key = IdentityKeys.Of("directline", "dl-linked"), Channel = "directline", Address = "dl-linked" });
        await Store.Customers.SaveAsync([customer], None);
        var policy = new RetentionPolicy(TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(30))
        {
            Conversations = TimeSpan.FromDays(30), UnlinkedConversations = TimeSpan.FromDays(1),
        };

        var purged = await Store.PurgeAsync(policy, T0.AddDays(2), None);

        Assert.That(purged.Conversations, Is.EqualTo(2));
        Assert.That(await Store.WebChat.FindAsync("anonymous", None), Is.Null);
        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("dl-anonymous", None), Is.False);
        Assert.That(await Store.WebChat.FindAsync("linked", None), Is.Not.Null, "a linked visitor's conversation keeps the longer horizon");
        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("dl-linked", None), Is.True);
    }

    [Test]
    public async Task Transcripts_SurviveARestart_AndNewActivitiesStillComeAfterTheOldOnes()
    {
        await Store.DirectLineTranscripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "c1", CreatedAt = T0 }, None);
        var (before, _) = await Store.DirectLineTranscripts.AppendAsync(DirectLine("k1", "c1", T0, "Привет"), None);
        await Store.WebChat.AppendAsync(WebLine("w1", "w", T0, "Привет"), None);
        var webBefore = (await Store.WebChat.AfterAsync("w", 0, 10, None)).Single().Seq;

        await ReopenAsync();
        var (after, _) = await Store.DirectLineTranscripts.AppendAsync(DirectLine("k2", "c1", T0), None);
        await Store.WebChat.AppendAsync(WebLine("w2", "w", T0), None);

        Assert.That(await Store.DirectLineTranscripts.ExistsAsync("c1", None), Is.True);
        Assert.That((await Store.DirectLineTranscripts.AfterAsync("c1", 0, 10, None)).Select(a => a.Text), Is.EqualTo(new[] { "Привет", "hi" }));
        Assert.That(after.Seq, Is.GreaterThan(before.Seq));
        Assert.That((await Store.WebChat.AfterAsync("w", webBefore, 10, None)).Select(l => l.ActivityId), Is.EqualTo(new[] { "w2" }));
    }

    /// <summary>
    /// Appends <see cref="PerConversation"/> lines to each conversation from many tasks at once, while a reader per conversation
    /// polls from its watermark as a browser does. A line that became visible before an earlier one would be skipped for good:
    /// so each reader must end with every line of its conversation, once, in ascending order.
    /// </summary>
    private static async Task WatermarksHoldAsync(
        string[] conversations, Func<string, int, Task<bool>> append, Func<string, long, Task<List<(long Seq, string Id)>>> after)
    {
        const int Writers = 8;
        var appending = Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < PerConversation; i += Writers)
                foreach (var conversation in conversations)
                    Assert.That(await append(conversation, i), Is.True);
        })));
        var readers = conversations.Select(conversation => Task.Run(async () =>
        {
            var seen = new List<(long Seq, string Id)>();
            var watermark = 0L;
            while (true)
            {
                var done = appending.IsCompleted;   // read before the last poll, so that poll sees every append
                for (var page = await after(conversation, watermark); page.Count > 0; page = await after(conversation, watermark))
                {
                    seen.AddRange(page);
                    watermark = page[^1].Seq;
                }
                if (done) return (conversation, seen);
                await Task.Yield();
            }
        })).ToList();

        await appending;
        foreach (var (conversation, seen) in await Task.WhenAll(readers))
        {
            Assert.That(seen.Select(s => s.Seq), Is.Ordered.Ascending, conversation);
            Assert.That(seen.Select(s => s.Id), Is.EquivalentTo(Enumerable.Range(0, PerConversation).Select(i => $"{conversation}-{i}")), conversation);
        }
    }

    private const int PerConversation = 120;
}
