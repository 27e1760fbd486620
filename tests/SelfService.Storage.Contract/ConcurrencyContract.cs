using SelfService.Storage.Messages;
using static SelfService.Storage.Contract.Records;

namespace SelfService.Storage.Contract;

/// <summary>Many callers at once, as the SMPP binds, the web endpoints and the workers are.</summary>
public abstract class ConcurrencyContract : StorageContract
{
    [Test]
    public async Task Accept_TheSameMessagesFromManyCallersAtOnce_EachStoredOnceAndEveryCallerToldTheSameId()
    {
        const int Callers = 20, Messages = 200;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var mine = new List<(int Message, AcceptOutcome Outcome)>();
            foreach (var message in Enumerable.Range(0, Messages).OrderBy(m => (m * 7919 + caller * 104729) % Messages))
                mine.Add((message, await Store.Inbound.AcceptAsync(Inbound($"{caller}-{message}", "sms", "m" + message, T0), null, None)));
            return mine;
        })));

        var byMessage = outcomes.SelectMany(o => o).GroupBy(o => o.Message).ToList();
        Assert.That(byMessage.Select(g => g.Select(o => o.Outcome.MessageId).Distinct().Count()), Is.All.EqualTo(1), "one id per message");
        Assert.That(byMessage.Select(g => g.Count(o => !o.Outcome.Duplicate)), Is.All.EqualTo(1), "exactly one caller stored it");
        Assert.That(await Store.Inbound.UnprocessedAsync(int.MaxValue, None), Has.Count.EqualTo(Messages));
    }

    [Test]
    public async Task Complete_ManyMessagesAtOnceWhileOthersRead_EveryCommitLandsWhole()
    {
        const int Count = 500;
        for (var i = 0; i < Count; i++) await Store.Inbound.AcceptAsync(Inbound("m" + i, "sms", i.ToString(System.Globalization.CultureInfo.InvariantCulture), T0, "+7900" + i), null, None);

        using var reading = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var reads = 0;
            while (!reading.IsCancellationRequested)
            {
                await Store.Outbox.DueAsync(T0.AddDays(1), 50, None);
                await Store.History.ForIdentityAsync("sms", "+79001", 10, None);
                reads++;
            }
            return reads;
        });
        await Task.WhenAll(Enumerable.Range(0, Count).Select(i => Task.Run(async () =>
        {
            var sender = "+7900" + i;
            var state = await Store.Conversations.GetAsync("sms", sender, None);
            state.Language = "ru";
            await Store.Inbound.CompleteAsync(new ProcessingCommit("m" + i, "Executed", T0, state, [],
                [Line($"m{i}:in", "sms", sender, T0), Line($"m{i}:out", "sms", sender, T0, Storage.History.HistoryKind.Outbound)],
                [Outbox($"m{i}:0", T0, address: sender)]), None);
        })));
        await reading.CancelAsync();
        Assert.That(await reader, Is.GreaterThan(0));

        Assert.That(await Store.Inbound.UnprocessedAsync(int.MaxValue, None), Is.Empty);
        Assert.That(await Store.Outbox.DueAsync(T0, int.MaxValue, None), Has.Count.EqualTo(Count));
        for (var i = 0; i < Count; i += 50)
        {
            Assert.That(await Store.History.ForIdentityAsync("sms", "+7900" + i, 10, None), Has.Count.EqualTo(2));
            Assert.That((await Store.Conversations.GetAsync("sms", "+7900" + i, None)).Language, Is.EqualTo("ru"));
        }
    }
}
