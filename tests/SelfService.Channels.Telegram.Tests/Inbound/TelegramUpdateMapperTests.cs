using System.Text.Json;
using SelfService.Channels.Telegram.Inbound;
using SelfService.Channels.Telegram.Tests.Support;
using SelfService.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SelfService.Channels.Telegram.Tests.Inbound;

/// <summary>The inbound table: updates as the Bot API sends them (JSON) and what the channel makes of each.</summary>
public class TelegramUpdateMapperTests
{
    private const string Ivan = """{"id":501,"is_bot":false,"first_name":"Иван","language_code":"ru"}""";
    private const string John = """{"id":502,"is_bot":false,"first_name":"John","language_code":"en-GB"}""";
    private const string IvansChat = """{"id":501,"type":"private","first_name":"Иван"}""";
    private const string JohnsChat = """{"id":502,"type":"private","first_name":"John"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TelegramUpdateMapper _mapper = new(new BotCommandMapper(SampleCatalogue.Load()));

    // Updates are written with @Ivan@, @IvansChat@... for the user and chat objects above; Map puts them in.

    /// <summary>An update that becomes an envelope for the pipeline: (update JSON, channel message id, sender, text, language hint, vouched number).</summary>
    private static readonly object?[][] Accepted =
    [
        ["""{"update_id":1,"message":{"message_id":10,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"text":"сколько стоит роуминг?"}}""",
            "501:10", "501", "сколько стоит роуминг?", "ru", null],
        ["""{"update_id":2,"message":{"message_id":11,"date":1700000000,"chat":@JohnsChat@,"from":@John@,"text":"/balance"}}""",
            "502:11", "502", "BAL", "en", null],
        ["""{"update_id":3,"message":{"message_id":12,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"text":"/start"}}""",
            "501:12", "501", "ПОМОЩЬ", "ru", null],
        ["""{"update_id":4,"message":{"message_id":13,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"contact":{"phone_number":"79161234567","first_name":"Иван","user_id":501}}}""",
            "501:13", "501", "+79161234567", "ru", "+79161234567"],
        ["""{"update_id":5,"message":{"message_id":14,"date":1700000000,"chat":@JohnsChat@,"from":@John@,"contact":{"phone_number":"+44 7700 900123","first_name":"John","user_id":502}}}""",
            "502:14", "502", "+447700900123", "en", "+447700900123"],
        ["""{"update_id":6,"callback_query":{"id":"4382bfdwdsb323b2d9","from":@Ivan@,"chat_instance":"-1","data":"ДА","message":{"message_id":15,"date":1700000000,"chat":@IvansChat@,"text":"Подключить?"}}}""",
            "cb:4382bfdwdsb323b2d9", "501", "ДА", "ru", null],
        ["""{"update_id":7,"message":{"message_id":16,"date":1700000000,"chat":@JohnsChat@,"from":@John@,"photo":[{"file_id":"p","file_unique_id":"u","width":90,"height":90}],"caption":"is this my bill?"}}""",
            "502:16", "502", "is this my bill?", "en", null],
        ["""{"update_id":8,"message":{"message_id":17,"date":1700000000,"chat":@JohnsChat@,"from":{"id":502,"is_bot":false,"first_name":"John"},"text":"hello"}}""",
            "502:17", "502", "hello", "en", null],
    ];

    /// <summary>An update the channel answers itself: (update JSON, chat, notice starts with, offers the share-contact button).</summary>
    private static readonly object[][] Answered =
    [
        ["""{"update_id":20,"message":{"message_id":20,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"contact":{"phone_number":"79161234567","first_name":"Мама","user_id":999}}}""",
            501L, "Это чужой контакт", true],
        ["""{"update_id":21,"message":{"message_id":21,"date":1700000000,"chat":@JohnsChat@,"from":@John@,"contact":{"phone_number":"79161234567","first_name":"Mum"}}}""",
            502L, "That is someone else's contact", true],
        ["""{"update_id":22,"message":{"message_id":22,"date":1700000000,"chat":@JohnsChat@,"from":@John@,"sticker":{"file_id":"s","file_unique_id":"u","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}}}""",
            502L, "I can only read text", false],
        ["""{"update_id":23,"message":{"message_id":23,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"photo":[{"file_id":"p","file_unique_id":"u","width":90,"height":90}]}}""",
            501L, "Я понимаю только текст", false],
    ];

    /// <summary>Updates that are skipped: (update JSON, a callback query to answer anyway).</summary>
    private static readonly object?[][] Ignored =
    [
        ["""{"update_id":30,"edited_message":{"message_id":10,"date":1700000000,"edit_date":1700000100,"chat":@IvansChat@,"from":@Ivan@,"text":"BAL"}}""", null],
        ["""{"update_id":31,"channel_post":{"message_id":5,"date":1700000000,"chat":{"id":-100123,"type":"channel","title":"News"},"text":"HELP"}}""", null],
        ["""{"update_id":32,"message":{"message_id":6,"date":1700000000,"chat":{"id":-42,"type":"group","title":"Friends"},"from":@Ivan@,"text":"BAL"}}""", null],
        ["""{"update_id":33,"message":{"message_id":7,"date":1700000000,"chat":@IvansChat@,"from":@Ivan@,"new_chat_title":"x"}}""", null],
        ["""{"update_id":34,"callback_query":{"id":"77","from":@Ivan@,"chat_instance":"-1","game_short_name":"snake","message":{"message_id":15,"date":1700000000,"chat":@IvansChat@}}}""", "77"],
        ["""{"update_id":35,"callback_query":{"id":"78","from":@Ivan@,"chat_instance":"-1","data":"ДА","inline_message_id":"abc"}}""", "78"],
        ["""{"update_id":36,"poll":{"id":"1","question":"?","options":[],"total_voter_count":0,"is_closed":false,"is_anonymous":true,"type":"regular","allows_multiple_answers":false}}""", null],
        ["""{"update_id":37}""", null],
    ];

    [TestCaseSource(nameof(Accepted))]
    public void Map_UsableUpdate_BecomesAnEnvelope(string json, string channelMessageId, string sender, string text, string language, string? vouched)
    {
        var accept = Map<UpdateDisposition.Accept>(json);

        var message = accept.Message;
        Assert.That(message.Channel, Is.EqualTo(ChannelNames.Telegram));
        Assert.That(message.ChannelMessageId, Is.EqualTo(channelMessageId));
        Assert.That(message.SenderAddress, Is.EqualTo(sender));
        Assert.That(message.SessionId, Is.EqualTo(sender));
        Assert.That(accept.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(sender));
        Assert.That(message.Text, Is.EqualTo(text));
        Assert.That(message.Language, Is.EqualTo(language));
        Assert.That(message.VouchedMsisdn, Is.EqualTo(vouched));
        Assert.That(message.ReceivedAt, Is.EqualTo(Now));
        Assert.That(accept.CallbackQueryId, Is.EqualTo(channelMessageId.StartsWith("cb:", StringComparison.Ordinal) ? channelMessageId[3..] : null));
    }

    [TestCaseSource(nameof(Answered))]
    public void Map_ContentTheProcessorCannotUse_IsAnsweredByTheChannel(string json, long chatId, string notice, bool offersShareContact)
    {
        var answer = Map<UpdateDisposition.Answer>(json);

        Assert.That(answer.ChatId, Is.EqualTo(chatId));
        Assert.That(answer.Notice, Does.StartWith(notice));
        Assert.That(answer.OfferShareContact, Is.EqualTo(offersShareContact));
    }

    [TestCaseSource(nameof(Ignored))]
    public void Map_UpdateNotForTheBot_IsIgnored(string json, string? callbackQueryId)
    {
        var ignore = Map<UpdateDisposition.Ignore>(json);

        Assert.That(ignore.Reason, Is.Not.Empty);
        Assert.That(ignore.CallbackQueryId, Is.EqualTo(callbackQueryId), "a press is answered even when skipped, or the user's button spins");
    }

    [TestCase("kicked", true)]
    [TestCase("member", false)]
    public void Map_MyChatMember_TellsWhetherTheUserBlockedTheBot(string status, bool blocked)
    {
        var json = """
            {"update_id":40,"my_chat_member":{"chat":@IvansChat@,"from":@Ivan@,"date":1700000000,
             "old_chat_member":{"status":"member","user":{"id":666,"is_bot":true,"first_name":"Bot"}},
             "new_chat_member":{"status":"@status@","user":{"id":666,"is_bot":true,"first_name":"Bot"}@until@}}}
            """;

        var reachability = Map<UpdateDisposition.Reachability>(
            json.Replace("@status@", status, StringComparison.Ordinal).Replace("@until@", blocked ? ",\"until_date\":0" : "", StringComparison.Ordinal));

        Assert.That(reachability.ChatId, Is.EqualTo(501));
        Assert.That(reachability.Blocked, Is.EqualTo(blocked));
    }

    private T Map<T>(string json) where T : UpdateDisposition
    {
        json = json.Replace("@IvansChat@", IvansChat, StringComparison.Ordinal).Replace("@JohnsChat@", JohnsChat, StringComparison.Ordinal)
            .Replace("@Ivan@", Ivan, StringComparison.Ordinal).Replace("@John@", John, StringComparison.Ordinal);
        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        var disposition = _mapper.Map(update, Now);
        Assert.That(disposition, Is.InstanceOf<T>(), () => disposition.ToString());
        return (T)disposition;
    }
}
