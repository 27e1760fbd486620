using SelfService.ActionCodes;

namespace SelfService.ActionCodes.Tests;

public sealed class ActionCodeParserTests
{
    private static readonly ActionCodeParser Parser = new(SampleCatalogue.Load());

    // Case, spacing and trailing punctuation.
    [TestCase("BAL", "BAL", null, "BAL", "en")]
    [TestCase("bal", "BAL", null, "BAL", "en")]
    [TestCase("  Balance  ", "BAL", null, "BALANCE", "en")]
    [TestCase("BALANCE!", "BAL", null, "BALANCE", "en")]
    [TestCase("BAL !", "BAL", null, "BAL", "en")]
    [TestCase("баланс.", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("\tБАЛАНС\n", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("Баланс?!", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("счёт", "BAL", null, "СЧЁТ", "ru")]
    [TestCase("СЧЕТ", "BAL", null, "СЧЕТ", "ru")]
    // Cyrillic and Latin look-alikes, both directions.
    [TestCase("BAЛАНС", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("ВАL", "BAL", null, "BAL", "en")]
    [TestCase("bаlаnce", "BAL", null, "BALANCE", "en")]
    [TestCase("CTATYC", "STATUS", null, "СТАТУС", "ru")]
    [TestCase("HET", "NO", null, "НЕТ", "ru")]
    [TestCase("STОP", "STOP", null, "STOP", "en")]
    [TestCase("ОК", "YES", null, "ОК", "ru")]
    [TestCase("ok", "YES", null, "OK", "en")]
    // One typo in keywords of four letters or more.
    [TestCase("BALANSE", "BAL", null, "BALANCE", "en")]
    [TestCase("БАЛНАС", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("БAЛНAC", "BAL", null, "БАЛАНС", "ru")]
    [TestCase("STAUS", "STATUS", null, "STATUS", "en")]
    [TestCase("statsu", "STATUS", null, "STATUS", "en")]
    [TestCase("помошь", "HELP", null, "ПОМОЩЬ", "ru")]
    [TestCase("OPERATR", "AGENT", null, "OPERATOR", "en")]
    [TestCase("ОТПИСКАА", "STOP", null, "ОТПИСКА", "ru")]
    [TestCase("ПОДКЛЮЧИТ роуминг", "ACT", "РОУМИНГ", "ПОДКЛЮЧИТЬ", "ru")]
    // Multi-word aliases; the longest alias wins.
    [TestCase("МОИ УСЛУГИ", "STATUS", null, "МОИ УСЛУГИ", "ru")]
    [TestCase("my   services", "STATUS", null, "MY SERVICES", "en")]
    [TestCase("MY SERVISES", "STATUS", null, "MY SERVICES", "en")]
    [TestCase("ВКЛЮЧИТЬ УСЛУГУ РОУМИНГ", "ACT", "РОУМИНГ", "ВКЛЮЧИТЬ УСЛУГУ", "ru")]
    [TestCase("ВКЛЮЧИТЬ УСЛУГИ РОУМИНГ", "ACT", "РОУМИНГ", "ВКЛЮЧИТЬ УСЛУГУ", "ru")]
    [TestCase("отключить услугу аон", "DEACT", "АОН", "ОТКЛЮЧИТЬ УСЛУГУ", "ru")]
    // An exact alias beats a typo of another code's alias (ВЫКЛЮЧИТЬ is one letter from ВКЛЮЧИТЬ).
    [TestCase("ВЫКЛЮЧИТЬ роуминг", "DEACT", "РОУМИНГ", "ВЫКЛЮЧИТЬ", "ru")]
    [TestCase("ВКЛЮЧИТЬ роуминг", "ACT", "РОУМИНГ", "ВКЛЮЧИТЬ", "ru")]
    // Symbol aliases.
    [TestCase("?", "HELP", null, "?", "en")]
    [TestCase(" ? ", "HELP", null, "?", "en")]
    [TestCase("??", "HELP", null, "?", "en")]
    // Arguments.
    [TestCase("ACT ROAMING", "ACT", "ROAMING", "ACT", "en")]
    [TestCase("STOP PROMO", "STOP", "PROMO", "STOP", "en")]
    [TestCase("стоп акции", "STOP", "АКЦИИ", "СТОП", "ru")]
    [TestCase("СТАРТ НОВОСТИ", "START", "НОВОСТИ", "СТАРТ", "ru")]
    [TestCase("STOPALL", "STOP", null, "STOPALL", "en")]
    [TestCase("вкл   роуминг", "ACT", "РОУМИНГ", "ВКЛ", "ru")]
    [TestCase("on internet", "ACT", "INTERNET", "ON", "en")]
    [TestCase("ACT: roaming!", "ACT", "ROAMING", "ACT", "en")]
    [TestCase("ACT", "ACT", null, "ACT", "en")]
    [TestCase("ОТКЛ АОН", "DEACT", "АОН", "ОТКЛ", "ru")]
    [TestCase("LINK +7 (900) 123-45-67", "LINK", "+7 (900) 123-45-67", "LINK", "en")]
    [TestCase("привязать 89001234567.", "LINK", "89001234567", "ПРИВЯЗАТЬ", "ru")]
    [TestCase("LINK", "LINK", null, "LINK", "en")]
    [TestCase("CODE 123456", "CODE", "123456", "CODE", "en")]
    [TestCase("код 1234", "CODE", "1234", "КОД", "ru")]
    [TestCase("pin 0000", "PIN", "0000", "PIN", "en")]
    // A help topic and a language, by one of the catalogue's names.
    [TestCase("HELP SERVICES", "HELP", "SERVICES", "HELP", "en")]
    [TestCase("помощь услуги", "HELP", "УСЛУГИ", "ПОМОЩЬ", "ru")]
    [TestCase("LANG EN", "LANG", "EN", "LANG", "en")]
    [TestCase("язык ру", "LANG", "РУ", "ЯЗЫК", "ru")]
    [TestCase("ЯЗЫК по-английски", "LANG", "ПО-АНГЛИЙСКИ", "ЯЗЫК", "ru")]
    // Short aliases in both languages.
    [TestCase("да", "YES", null, "ДА", "ru")]
    [TestCase("Yes", "YES", null, "YES", "en")]
    [TestCase("н", "NO", null, "Н", "ru")]
    [TestCase("Меню", "MENU", null, "МЕНЮ", "ru")]
    public void Parse_ActionCode_ReturnsCodeArgumentKeywordAndLanguage(string text, string code, string? argument, string keyword, string language)
    {
        Assert.That(Parser.Parse(text), Is.EqualTo(new ActionCodeInput(code, argument, keyword, language)));
    }

    // Typos too close to a keyword of three letters or fewer.
    [TestCase("BAK")]
    [TestCase("BA")]
    [TestCase("BALL")]
    [TestCase("СТО")]
    [TestCase("ДАА")]
    // Typos one letter away from two different codes.
    [TestCase("ОДКЛ РОУМИНГ")]
    [TestCase("потписка")]
    [TestCase("NSUBSCRIBE")]
    // Keywords that take no argument, followed by words.
    [TestCase("BALANCE PLEASE")]
    [TestCase("balance on my card is wrong, why?")]
    [TestCase("help me please")]
    [TestCase("Стоп, что за списания?")]
    [TestCase("? roaming")]
    // Arguments of the wrong shape.
    [TestCase("LINK my account")]
    [TestCase("pin is blocked")]
    [TestCase("КОД не приходит")]
    [TestCase("HELP me with roaming")]
    [TestCase("STOP roaming")]
    [TestCase("СТОП списания")]
    [TestCase("язык программирования")]
    // Questions.
    [TestCase("как подключить роуминг?")]
    [TestCase("How do I activate roaming?")]
    [TestCase("Why is my balance negative?")]
    // Numbers longer than a menu choice, and not quite numbers.
    [TestCase("123")]
    [TestCase("4821")]
    [TestCase("123456")]
    [TestCase("1a")]
    [TestCase("")]
    public void Parse_NotAnActionCode_ReturnsFreeText(string text)
    {
        Assert.That(Parser.Parse(text), Is.EqualTo(new FreeTextInput(text)));
    }

    [TestCase("  Как подключить роуминг?  ", "Как подключить роуминг?")]
    [TestCase(" BALANCE   please\n", "BALANCE   please")]
    [TestCase(" \t ", "")]
    public void Parse_FreeText_KeepsTheCustomersTextTrimmed(string text, string expected)
    {
        Assert.That(Parser.Parse(text), Is.EqualTo(new FreeTextInput(expected)));
    }

    [TestCase("1", 1)]
    [TestCase(" 2 ", 2)]
    [TestCase("0", 0)]
    [TestCase("12", 12)]
    [TestCase("1.", 1)]
    [TestCase("\t9\n", 9)]
    [TestCase("1 2", 12)]
    public void Parse_OneOrTwoDigits_ReturnsMenuChoice(string text, int choice)
    {
        Assert.That(Parser.Parse(text), Is.EqualTo(new MenuChoiceInput(choice)));
    }

    [TestCase("saldo", "BAL", null)]
    [TestCase("NOTE Call me Tomorrow", "NOTE", "Call me Tomorrow")]
    public void Parse_OtherCatalogue_UsesItsKeywords(string text, string code, string? argument)
    {
        var parser = new ActionCodeParser(OtherCatalogue());

        var result = parser.Parse(text);

        Assert.That(result, Is.TypeOf<ActionCodeInput>());
        var input = (ActionCodeInput)result;
        Assert.That((input.Code, input.Argument), Is.EqualTo((code, argument)));
    }

    [Test]
    public void Parse_KeywordOnlyInOtherCatalogue_ReturnsFreeText()
    {
        var parser = new ActionCodeParser(OtherCatalogue());

        Assert.That(parser.Parse("BALANCE"), Is.EqualTo(new FreeTextInput("BALANCE")));
    }

    [Test]
    public void Parse_EmptyCatalogue_StillRecognizesMenuChoices()
    {
        var parser = new ActionCodeParser(ActionCatalogue.Parse("""{ "actions": [] }"""));

        Assert.That(parser.Parse("3"), Is.EqualTo(new MenuChoiceInput(3)));
    }

    private static ActionCatalogue OtherCatalogue() => ActionCatalogue.Parse("""
        {
          "actions": [
            { "code": "BAL", "aliases": { "en": [ "SALDO" ] } },
            { "code": "NOTE", "argument": "Text", "aliases": { "en": [ "NOTE" ] } }
          ]
        }
        """);
}
