using SelfService.Channels.Telegram.Inbound;
using SelfService.Channels.Telegram.Tests.Support;

namespace SelfService.Channels.Telegram.Tests.Inbound;

public class BotCommandMapperTests
{
    private readonly BotCommandMapper _mapper = new(SampleCatalogue.Load());

    [TestCase("/start", "ru", "ПОМОЩЬ")]
    [TestCase("/start", "en", "HELP")]
    [TestCase("/start campaign-42", "en", "HELP")]
    [TestCase("/help", "ru", "ПОМОЩЬ")]
    [TestCase("/balance", "ru", "БАЛ")]
    [TestCase("/balance", "en", "BAL")]
    [TestCase("/bal", "en", "BAL")]
    [TestCase("/menu", "ru", "МЕНЮ")]
    [TestCase("/agent", "en", "AGENT")]
    [TestCase("/operator", "ru", "ОПЕРАТОР")]
    [TestCase("/services", "en", "STATUS")]
    [TestCase("/act roaming", "en", "ACT roaming")]
    [TestCase("/act роуминг", "ru", "ВКЛ роуминг")]
    [TestCase("/link +79161234567", "en", "LINK +79161234567")]
    [TestCase("/balance@NorthernTelecomBot", "en", "BAL")]
    [TestCase("/BALANCE", "en", "BAL")]
    public void Map_KnownCommand_BecomesTheCatalogueKeywordInTheUsersLanguage(string text, string language, string expected)
    {
        Assert.That(_mapper.Map(text, language), Is.EqualTo(expected));
    }

    [TestCase("/whatever")]
    [TestCase("/")]
    [TestCase("баланс")]
    [TestCase("how much is roaming? /balance")]
    [TestCase("")]
    public void Map_TextThatIsNoKnownCommand_PassesThrough(string text)
    {
        Assert.That(_mapper.Map(text, "en"), Is.EqualTo(text));
    }
}
