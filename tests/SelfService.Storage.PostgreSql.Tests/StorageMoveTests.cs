using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Samples.StorageMove;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.LiteDb;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;
using SelfService.Testing;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>
/// storage-move: a LiteDB file with records of every kind, written through the port, is moved into PostgreSQL and read
/// back through the port; moved again, nothing is doubled; transcript numbers carry over and new ones come after them.
/// </summary>
public class StorageMoveTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Move_EveryKindOfRecord_ReadsBackTheSameFromPostgreSql_AndAgainAddsNothing()
    {
        using var folder = new TemporaryFolder();
        var file = folder.File("gateway.db");
        long[] webSeqs;
        using (var lite = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance))
        {
            await FillAsync(lite);
            webSeqs = [.. (await lite.WebChat.AfterAsync("web-1", 0, 10, None)).Select(l => l.Seq)];
        }
        var database = await Cluster.Server.CreateDatabaseAsync(Cluster.MigratedTemplate);
        try
        {
            using var source = new LiteStorage(file, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
            await using var target = PostgreSqlStorage.Open(Cluster.Options(database), NullLoggerFactory.Instance);

            var first = await StorageMove.RunAsync(source, target, None);
            var again = await StorageMove.RunAsync(source, target, None);

            Assert.That(first, Has.Count.EqualTo(31), "every kind the file holds: " + string.Join(", ", first.Keys));
            Assert.That(again, Is.EqualTo(first));
            await AssertMovedAsync(target, webSeqs);
        }
        finally
        {
            await Cluster.Server.DropDatabaseAsync(database);
        }
    }

    private static async Task FillAsync(LiteStorage s)
    {
        var processed = Guid.CreateVersion7(T0).ToString("N");
        await s.Inbound.AcceptAsync(new InboundRecord
        {
            Id = processed, DedupKey = "sms|1", Channel = "sms", ChannelMessageId = "1", SenderAddress = "+79161234567", Text = "BAL", SessionId = "s",
            ReceivedAt = T0, State = InboundState.Accepted,
        }, null, None);
        await s.Inbound.AcceptAsync(new InboundRecord
        {
            Id = Guid.CreateVersion7(T0.AddSeconds(1)).ToString("N"), DedupKey = "sms|2", Channel = "sms", ChannelMessageId = "2", SenderAddress = "+79161234567",
            Text = "waiting", SessionId = "s", ReceivedAt = T0.AddSeconds(1), State = InboundState.Accepted,
        }, null, None);
        var state = await s.Conversations.GetAsync("sms", "+79161234567", None);
        state.Language = "ru";
        var customer = new Customer { Id = "c1", Msisdn = "+79161234567", CreatedAt = T0 };
        customer.Identities.Add(new ChannelIdentity { Channel = "webchat", Address = "web-1", ProvenBy = "one-time-code", LinkedAt = T0 });
        await s.Inbound.CompleteAsync(new ProcessingCommit(processed, "Executed", T0, state, [customer],
            [new HistoryEntry { Id = processed + ":in", CustomerId = "c1", Channel = "sms", Address = "+79161234567", Kind = HistoryKind.Inbound, Text = "BAL", At = T0 }],
            [new OutboxRecord { Id = processed + ":0", Channel = "sms", Address = "+79161234567", Text = "Баланс", State = OutboxState.Pending, CreatedAt = T0, NextAttemptAt = T0 }]),
            None);
        var reply = (await s.Outbox.GetAsync(processed + ":0", None))!;
        reply.State = OutboxState.Sent;
        reply.Parts.Add(new SentPart { Part = 1, Parts = 1, ChannelMessageId = "1A", MatchKeys = ["1A", "26"], SubmittedAt = T0 });
        reply.MatchKeys.AddRange(["1A", "26"]);
        await s.Outbox.SaveAsync([reply], None);

        await s.Provisioning.SeedAsync([new ProvisionedService { Code = "ROAMING", Names = new() { ["ru"] = "Роуминг" }, ActivationFee = 50m, Currency = "RUB" }],
            [new ProvisionedSubscriber { Msisdn = "+79161234567", Name = "Иван", Balance = 120m, Currency = "RUB", Pin = new PinHash { Salt = [1], Hash = [2] } }], None);
        await s.Provisioning.ChangeAsync("r1", "+79161234567", "ROAMING", (subscriber, _) =>
        {
            subscriber!.Balance -= 50m;
            return new ServiceChangeRecord { Msisdn = "+79161234567", ServiceCode = "ROAMING", Change = "Activate", Outcome = "Done", Charged = 50m, At = T0 };
        }, None);

        await s.ConcatenatedParts.AddAsync(new ConcatenatedPart { SetKey = "k", Source = "+7916", Destination = "1212", Sequence = 1, Total = 2, Text = "one", ReceivedAt = T0 }, None);
        await s.EmailThreads.SaveAsync(new EmailThread { Id = processed, MessageId = "q@x", Subject = "Роуминг", References = ["p@x"], ReceivedAt = T0 }, None);
        await s.TelegramChats.MarkUnreachableAsync(42, "blocked", T0, None);
        await s.TelegramChats.SaveOffsetAsync(9_000_000_001, null, None);
        await s.TelegramChats.RecordPartsSentAsync("o1", 2, None);
        await s.WebChat.CreateAsync(new WebChatConversation { Id = "web-1", TokenHash = "AB", CreatedAt = T0 }, None);
        await s.WebChat.AppendAsync(new WebChatActivity { ActivityId = "other", ConversationId = "web-2", From = "user", Text = "x", At = T0 }, None);
        foreach (var i in new[] { 1, 2, 3 })
            await s.WebChat.AppendAsync(new WebChatActivity { ActivityId = "w" + i, ConversationId = "web-1", From = "user", Text = "line " + i, Choices = ["ДА"], At = T0 }, None);
        await s.DirectLineTranscripts.CreateConversationAsync(new DirectLineConversationRecord { Id = "dl-1", CreatedAt = T0 }, None);
        await s.DirectLineTranscripts.AppendAsync(new DirectLineActivityRecord { Key = "k1", ConversationId = "dl-1", Role = "user", FromId = "u", Text = "hi", Timestamp = T0 }, None);
        await s.SigningKeys.GetOrAddAsync("token-signing", [7, 7, 7], None);
        await s.StaffAccounts.AddAsync(new StaffAccount { Id = "a1", UserName = "olga", DisplayName = "Olga", PasswordHash = "h", Roles = ["admin"], CreatedAt = T0 }, None);
        await s.ApiTokens.AddAsync(new ApiToken { Id = "t1", Hash = "H1", AccountId = "a1", Label = "ci", CreatedAt = T0 }, None);
        await s.Audit.RecordAsync(new AuditEntry { Id = "01", Actor = "olga", Action = "signin", Subject = "a1", At = T0 }, None);
        await s.Escalations.AddAsync(new EscalationTicket { Id = "e1", Channel = "sms", Address = "+7916", State = EscalationState.Waiting, EnqueuedAt = T0 }, None);
        await s.Escalations.TakeAsync("e1", "olga", T0.AddMinutes(1), None);
        foreach (var number in new[] { 1, 2 })
            await s.Articles.ChangeAsync("roaming", record => new ArticleStep<bool>(true,
                new StoredArticle { Id = "roaming", Title = "Роуминг", Status = StoredArticleStatus.Draft, LatestVersion = number, CreatedAt = T0, UpdatedAt = T0 },
                new StoredArticleVersion { Id = StoredArticleVersion.MakeId("roaming", number), ArticleId = "roaming", Number = number, ShortAnswer = "v" + number, SavedAt = T0 },
                new StoredArticleTransition { ArticleId = "roaming", Kind = number == 1 ? StoredTransitionKind.Created : StoredTransitionKind.Edited, To = StoredArticleStatus.Draft, Version = number, At = T0 }),
                None);
        await s.Traffic.SaveAsync([new TrafficHour { Hour = T0, Channel = "sms", Messages = 2, Senders = [1, 2], CountedThrough = T0.AddMinutes(5) }], None);

        await s.Campaigns.CreateAsync(new Campaign
        {
            Id = "camp-1", Name = "Роуминг летом", Topic = "PROMO", Channel = "sms", Texts = new() { ["ru"] = "Привет, {name}" }, DefaultLanguage = "ru",
            State = CampaignState.Running, CurrentRun = "20261203T090000Z", CreatedBy = "olga", CreatedAt = T0, UpdatedAt = T0,
        }, None);
        await s.Campaigns.AddListNumbersAsync("camp-1", ["+79160000002", "+79161234567"], None);
        await s.OptOuts.ApplyAsync(new OptOutChange { Id = "m1", Msisdn = "+79161234567", Topic = "PROMO", OptedOut = true, Channel = "sms", Text = "STOP PROMO", At = T0 }, None);
        await s.OptOuts.ApplyAsync(new OptOutChange { Id = "m2", Msisdn = "+79161234567", Topic = "NEWS", OptedOut = true, Channel = "sms", Text = "STOP NEWS", At = T0.AddMinutes(1) }, None);
        await s.OptOuts.ApplyAsync(new OptOutChange { Id = "m3", Msisdn = "+79161234567", Topic = "NEWS", OptedOut = false, Channel = "sms", Text = "START NEWS", At = T0.AddMinutes(2) }, None);
        await s.Campaigns.AddRecipientsAsync([CampaignRecipientOf(0, "+79161234567"), CampaignRecipientOf(1, "+79160000002")], None);
        var stopped = (await s.Campaigns.PendingAsync("camp-1", "20261203T090000Z", -1, 1, None)).Single();
        stopped.State = RecipientState.SkippedOptedOut;
        await s.Campaigns.HandOverAsync([stopped], [], None);
    }

    private static CampaignRecipient CampaignRecipientOf(int sequence, string msisdn) => new()
    {
        Id = CampaignRecipient.KeyOf("camp-1", "20261203T090000Z", msisdn), CampaignId = "camp-1", Run = "20261203T090000Z", Sequence = sequence,
        Msisdn = msisdn, Language = "ru", Values = new() { ["name"] = "Иван" }, State = RecipientState.Pending,
    };

    private static async Task AssertMovedAsync(PostgreSqlStorage p, long[] webSeqs)
    {
        Assert.That((await p.Inbound.UnprocessedAsync(10, None)).Select(r => r.Text), Is.EqualTo(new[] { "waiting" }), "the processed one stays processed");
        Assert.That((await p.Inbound.AcceptAsync(new InboundRecord { Id = "new", DedupKey = "sms|1", Channel = "sms", ReceivedAt = T0 }, null, None)).Duplicate,
            Is.True, "the dedup keys came along");
        Assert.That((await p.Conversations.GetAsync("sms", "+79161234567", None)).Language, Is.EqualTo("ru"));
        Assert.That((await p.Customers.FindByIdentityAsync("webchat", "web-1", None))?.Id, Is.EqualTo("c1"));
        Assert.That((await p.History.ForCustomerAsync("c1", 10, None)).Select(e => e.Text), Is.EqualTo(new[] { "BAL" }));
        var reply = (await p.Outbox.FindAsync("sms", null, null, 10, None)).Single();
        Assert.That((reply.Text, reply.State, reply.Parts.Single().ChannelMessageId), Is.EqualTo(("Баланс", OutboxState.Sent, "1A")));
        Assert.That(await p.Outbox.ApplyReceiptAsync(["26"], "DELIVRD", null, T0, None), Is.True, "a receipt still finds its part by a match key");
        Assert.That((await p.Provisioning.FindSubscriberAsync("+79161234567", None))!.Balance, Is.EqualTo(70m));
        Assert.That((await p.Provisioning.ChangesOfAsync("+79161234567", None)).Select(c => c.RequestId), Is.EqualTo(new[] { "r1" }));
        Assert.That((await p.Provisioning.ServicesAsync(None)).Single().Names["ru"], Is.EqualTo("Роуминг"));
        Assert.That((await p.ConcatenatedParts.AddAsync(new ConcatenatedPart { SetKey = "k", Source = "+7916", Destination = "1212", Sequence = 2, Total = 2, Text = "two", ReceivedAt = T0 }, None))!
            .Select(x => x.Text), Is.EqualTo(new[] { "one", "two" }), "a set begun before the move completes after it");
        Assert.That((await p.EmailThreads.FindAsync((await p.Outbox.FindAsync("sms", null, null, 1, None))[0].Id[..^2], None))?.Subject, Is.EqualTo("Роуминг"));
        Assert.That((await p.TelegramChats.FindAsync(42, None))?.UnreachableReason, Is.EqualTo("blocked"));
        Assert.That((await p.TelegramChats.GetOffsetAsync(None), await p.TelegramChats.PartsSentAsync("o1", None)), Is.EqualTo((9_000_000_001L, 2)));
        Assert.That((await p.WebChat.FindAsync("web-1", None))?.TokenHash, Is.EqualTo("AB"));
        Assert.That((await p.WebChat.AfterAsync("web-1", 0, 10, None)).Select(l => l.Seq), Is.EqualTo(webSeqs), "a browser's watermark means the same after the move");
        await p.WebChat.AppendAsync(new WebChatActivity { ActivityId = "w4", ConversationId = "web-1", From = "bot", Text = "new", At = T0 }, None);
        Assert.That((await p.WebChat.AfterAsync("web-1", webSeqs[^1], 10, None)).Select(l => l.ActivityId), Is.EqualTo(new[] { "w4" }), "new lines come after the moved ones");
        Assert.That(await p.DirectLineTranscripts.ExistsAsync("dl-1", None), Is.True);
        Assert.That((await p.DirectLineTranscripts.FindByKeyAsync("k1", None))?.Text, Is.EqualTo("hi"));
        Assert.That(await p.SigningKeys.GetOrAddAsync("token-signing", [0], None), Is.EqualTo(new byte[] { 7, 7, 7 }));
        Assert.That((await p.StaffAccounts.FindByUserNameAsync("olga", None))?.Roles, Is.EqualTo(new[] { "admin" }));
        Assert.That((await p.ApiTokens.FindByHashAsync("H1", None))?.Label, Is.EqualTo("ci"));
        Assert.That((await p.Audit.RecentAsync(new AuditQuery(10), None)).Select(e => e.Id), Is.EqualTo(new[] { "01" }));
        Assert.That((await p.Escalations.HeldByAsync("olga", None)).Select(t => t.Id), Is.EqualTo(new[] { "e1" }));
        Assert.That((await p.Articles.VersionsAsync("roaming", None)).Select(v => v.ShortAnswer), Is.EqualTo(new[] { "v1", "v2" }));
        var steps = await p.Articles.TransitionsAsync("roaming", None);
        Assert.That(steps.Select(t => t.Kind), Is.EqualTo(new[] { StoredTransitionKind.Created, StoredTransitionKind.Edited }));
        await p.Articles.ChangeAsync("roaming", record => new ArticleStep<bool>(true, record.Article, null,
            new StoredArticleTransition { ArticleId = "roaming", Kind = StoredTransitionKind.Submitted, To = StoredArticleStatus.InReview, Version = 2, At = T0 }), None);
        Assert.That((await p.Articles.TransitionsAsync("roaming", None))[^1].Id, Is.GreaterThan(steps[^1].Id), "steps are numbered on after the moved ones");
        Assert.That((await p.Traffic.SinceAsync(T0, None)).Single().Senders, Is.EqualTo(new byte[] { 1, 2 }));

        Assert.That((await p.Campaigns.InStatesAsync([CampaignState.Running], None)).Select(c => (c.Id, c.Name, c.CreatedBy)),
            Is.EqualTo(new[] { ("camp-1", "Роуминг летом", "olga") }), "a running campaign is scheduled again by the gateway on PostgreSQL");
        Assert.That(await p.Campaigns.ListNumbersAsync("camp-1", null, 10, None), Is.EqualTo(new[] { "+79160000002", "+79161234567" }));
        Assert.That(await p.Campaigns.AddListNumbersAsync("camp-1", ["+79161234567"], None), Is.Zero, "the uploaded list came along");
        var run = await p.Campaigns.RecipientsAsync("camp-1", "20261203T090000Z", -1, 10, None);
        Assert.That(run.Select(r => (r.Msisdn, r.State)), Is.EqualTo(new[] { ("+79161234567", RecipientState.SkippedOptedOut), ("+79160000002", RecipientState.Pending) }));
        Assert.That(run[1].Values["name"], Is.EqualTo("Иван"));
        Assert.That((await p.Campaigns.PendingAsync("camp-1", "20261203T090000Z", -1, 10, None)).Select(r => r.Sequence), Is.EqualTo(new long[] { 1 }),
            "the run goes on where it stopped");
        Assert.That(await p.Campaigns.AddRecipientsAsync([CampaignRecipientOf(1, "+79160000002")], None), Is.Zero, "writing the audience out again adds nobody");
        Assert.That(await p.OptOuts.StoppedTopicsAsync("+79161234567", None), Is.EquivalentTo(new[] { "PROMO" }));
        Assert.That((await p.OptOuts.HistoryAsync("+79161234567", None)).Select(c => (c.Id, c.Text)),
            Is.EqualTo(new[] { ("m1", "STOP PROMO"), ("m2", "STOP NEWS"), ("m3", "START NEWS") }));
        Assert.That(await p.OptOuts.ApplyAsync(new OptOutChange { Id = "m1", Msisdn = "+79161234567", Topic = "PROMO", OptedOut = false, At = T0 }, None), Is.False,
            "a message already applied before the move is not applied again");
    }
}
