using System.Text.Json.Nodes;
using SelfService.Channels.Telegram.Tests.Support;
using SelfService.Messaging;
using SelfService.Testing.Peers.Telegram;

namespace SelfService.Channels.Telegram.Tests.Inbound;

/// <summary>Long polling against the Bot API peer: the offset moves only past updates the pipeline accepted or skipped.</summary>
public class TelegramPollingTests
{
    private static readonly TelegramUser Anna = new(650001, "Anna", "en");
    private TelegramChannelHarness _channel = null!;

    [SetUp]
    public async Task Start() => _channel = await TelegramChannelHarness.StartAsync();

    [TearDown]
    public async Task Stop()
    {
        await _channel.Polling.StopAsync(CancellationToken.None);
        await _channel.DisposeAsync();
    }

    [Test]
    public async Task Poll_SinkDown_TheUpdateIsReadAgain_AndAcceptedOnce_ThenTheOffsetMovesOn()
    {
        _channel.Sink.FailNext = 2;
        await _channel.Peer.SendTextAsync(Anna, "how much is roaming?");

        await _channel.Polling.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 1);

        Assert.That(_channel.Sink.Offered, Has.Count.EqualTo(3), "fetched again after each failure");
        Assert.That(_channel.Sink.Offered.Select(m => m.ChannelMessageId).Distinct().Count(), Is.EqualTo(1), "the same update each time");
        await WaitUntilAsync(async () => await OffsetAsync() > 0);
        var offset = await OffsetAsync();

        await _channel.Peer.SendTextAsync(Anna, "BAL");
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 2);
        await WaitUntilAsync(async () => await OffsetAsync() > offset);
        Assert.That(_channel.Sink.Offered, Has.Count.EqualTo(4), "the first update is not fetched again once its offset was saved");
        Assert.That(_channel.Connection.State, Is.EqualTo(SelfService.Channels.Connections.ConnectionState.Up), "the dashboard sees the poll working");
    }

    [Test]
    public async Task Poll_UpdatesTheBotCannotUse_AreSkipped_AndTheOffsetMovesPastThem()
    {
        var skipped = await _channel.Peer.SendUpdateAsync(new JsonObject
        {
            ["edited_message"] = new JsonObject
            {
                ["message_id"] = 1, ["date"] = 1_700_000_000, ["edit_date"] = 1_700_000_100, ["text"] = "BAL",
                ["chat"] = new JsonObject { ["id"] = Anna.ChatId, ["type"] = "private" },
            },
        });
        await _channel.Peer.SendStickerAsync(Anna);
        await _channel.Peer.SendTextAsync(Anna, "/help");

        await _channel.Polling.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 1);

        Assert.That(_channel.Sink.Stored.Single().Text, Is.EqualTo("HELP"));
        Assert.That(await OffsetAsync(), Is.GreaterThan(skipped));
        var notices = await _channel.Peer.WaitForMessagesAsync(Anna.ChatId, 1);
        Assert.That(notices.Single().Text, Does.StartWith("I can only read text"));
    }

    [Test]
    public async Task Poll_ButtonPress_IsAcceptedAsItsChoice_AndTheCallbackAnswered()
    {
        await _channel.Adapter.SendAsync(new OutboundMessage("q1", ChannelNames.Telegram, "650001", "Activate Roaming?", ["YES", "NO"], null, "650001", "c1"),
            CancellationToken.None);
        var question = (await _channel.Peer.SentToAsync(Anna.ChatId)).Single();
        var callbackId = await _channel.Peer.PressAsync(Anna, question, question.Buttons.First());

        await _channel.Polling.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _channel.Sink.Stored.Count == 1);

        var pressed = _channel.Sink.Stored.Single();
        Assert.That(pressed.Text, Is.EqualTo("YES"));
        Assert.That(pressed.ChannelMessageId, Is.EqualTo("cb:" + callbackId));
        await WaitUntilAsync(() => _channel.Peer.CallsAsync("answerCallbackQuery").Result.Count == 1);
        var answered = (await _channel.Peer.CallsAsync("answerCallbackQuery")).Single();
        Assert.That(answered.GetProperty("params").GetProperty("callback_query_id").GetString(), Is.EqualTo(callbackId));
    }

    private Task<long> OffsetAsync() => _channel.Chats.GetOffsetAsync(CancellationToken.None);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not become true.");
            await Task.Delay(20);
        }
    }
}
