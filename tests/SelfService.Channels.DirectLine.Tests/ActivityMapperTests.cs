using System.Text.Json;
using SelfService.Channels.DirectLine.Protocol;
using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.DirectLine.Tests;

public class ActivityMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly ActivityMapper _mapper = new("selfservice", "SelfService");

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, DirectLineJson.Wire.Activity)!;

    // Inbound: what the client posts → the envelope.
    private static readonly object[] InboundCases =
    [
        new object[] { """{"type":"message","text":"БАЛАНС","locale":"ru-RU","channelData":{"clientActivityID":"c-1"}}""", "conv:c-1", "ru" },
        new object[] { """{"type":"message","text":"BAL","locale":"en-GB","id":"own-id"}""", "conv:own-id", "en" },
        new object[] { """{"type":"message","text":"BAL","locale":"de-DE","channelData":{"clientActivityID":"c-2"},"id":"x"}""", "conv:c-2", null! },
        new object[] { """{"type":"message","text":"BAL","locale":"ru_RU","channelData":{"clientActivityID":"  c-3  "}}""", "conv:c-3", "ru" },
    ];

    [TestCaseSource(nameof(InboundCases))]
    public void ToInbound_UsesTheClientIdForDedupeAndTheLocaleAsHint(string json, string channelMessageId, string? language)
    {
        var message = ActivityMapper.ToInbound(Parse(json), "conv", Now);

        Assert.That((message.Channel, message.ChannelMessageId, message.SenderAddress, message.SessionId, message.Language),
            Is.EqualTo((ChannelNames.DirectLine, channelMessageId, "conv", "conv", language)));
    }

    [Test]
    public void ToInbound_NoClientId_EachPostIsItsOwnMessage()
    {
        var activity = Parse("""{"type":"message","text":"BAL"}""");

        var first = ActivityMapper.ToInbound(activity, "conv", Now);
        var second = ActivityMapper.ToInbound(activity, "conv", Now);

        Assert.That(second.ChannelMessageId, Is.Not.EqualTo(first.ChannelMessageId));
    }

    [Test]
    public void ClientId_TooLong_IsEmptyForTheCallerToRefuse() =>
        Assert.That(ActivityMapper.ClientId(Parse($$"""{"type":"message","id":"{{new string('x', 101)}}"}""")), Is.EqualTo(""));

    [Test]
    public void UserRecord_Echo_KeepsChannelDataSoWebChatRecognisesItsMessage()
    {
        var activity = Parse("""{"type":"message","text":"Привет","from":{"id":"web-1","name":"Иван"},"locale":"ru-RU","channelData":{"clientActivityID":"c-1","clientTimestamp":"2026-11-25T09:00:00Z"}}""");
        var record = ActivityMapper.UserRecord(activity, "conv", "msg-1", Now);
        record.Seq = 7;

        var echo = ActivityMapper.ToActivity(record);

        Assert.That((echo.Type, echo.Id, echo.From, echo.Text, echo.Locale), Is.EqualTo(("message", "conv|0000007", new ChannelAccount("web-1", "Иван", "user"), "Привет", "ru-RU")));
        Assert.That(echo.ChannelData!.Value.GetProperty("clientActivityID").GetString(), Is.EqualTo("c-1"));
        Assert.That(echo.TextFormat, Is.Null);
    }

    [Test]
    public void BotRecord_IsMarkdownWithChoicesAsImBackSuggestedActions()
    {
        var record = _mapper.BotRecord("m1:0", "conv", "Подключить **Роуминг**?", ["ДА", "НЕТ"], "conv|0000001", Now);
        record.Seq = 2;

        var reply = ActivityMapper.ToActivity(record);

        Assert.That((reply.From, reply.TextFormat, reply.ReplyToId), Is.EqualTo((new ChannelAccount("selfservice", "SelfService", "bot"), "markdown", "conv|0000001")));
        Assert.That(reply.SuggestedActions!.Actions, Is.EqualTo(new[] { new CardAction("imBack", "ДА", "ДА"), new CardAction("imBack", "НЕТ", "НЕТ") }));
    }

    [Test]
    public void BotRecord_NoChoices_NoSuggestedActionsOnTheWire()
    {
        var record = _mapper.BotRecord("m1:0", "conv", "Баланс: 350", [], null, Now);

        var json = JsonSerializer.Serialize(ActivityMapper.ToActivity(record), DirectLineJson.Wire.Activity);

        Assert.That(json, Does.Not.Contain("suggestedActions"));
        Assert.That(json, Does.Contain("\"text\":\"Баланс: 350\""), "Cyrillic is written as itself");
    }

    [Test]
    public void Typing_IsFromTheBotAndNotStored()
    {
        var typing = _mapper.Typing("conv", Now);

        Assert.That((typing.Type, typing.From!.Role, typing.Conversation!.Id), Is.EqualTo(("typing", "bot", "conv")));
    }

    [Test]
    public void ToSet_WatermarkIsTheLastActivityOrTheOneAskedFor()
    {
        var records = new[] { new DirectLineActivityRecord { Seq = 4, ConversationId = "c" }, new DirectLineActivityRecord { Seq = 9, ConversationId = "c" } };

        Assert.That(ActivityMapper.ToSet(records, 3).Watermark, Is.EqualTo("9"));
        Assert.That(ActivityMapper.ToSet([], 3).Watermark, Is.EqualTo("3"));
    }
}
