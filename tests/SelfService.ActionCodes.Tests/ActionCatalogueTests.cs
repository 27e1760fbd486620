using SelfService.ActionCodes;

namespace SelfService.ActionCodes.Tests;

public sealed class ActionCatalogueTests
{
    [TestCase("BAL", ArgumentKind.None)]
    [TestCase("ACT", ArgumentKind.Service)]
    [TestCase("DEACT", ArgumentKind.Service)]
    [TestCase("STATUS", ArgumentKind.None)]
    [TestCase("HELP", ArgumentKind.Topic)]
    [TestCase("LANG", ArgumentKind.Language)]
    [TestCase("STOP", ArgumentKind.CampaignTopic)]
    [TestCase("START", ArgumentKind.CampaignTopic)]
    [TestCase("AGENT", ArgumentKind.None)]
    [TestCase("YES", ArgumentKind.None)]
    [TestCase("NO", ArgumentKind.None)]
    [TestCase("LINK", ArgumentKind.Phone)]
    [TestCase("CODE", ArgumentKind.Digits)]
    [TestCase("PIN", ArgumentKind.Digits)]
    [TestCase("MENU", ArgumentKind.None)]
    public void Load_SampleCatalogue_HasCodeWithItsArgumentKind(string code, ArgumentKind argument)
    {
        var action = SampleCatalogue.Load().Actions.SingleOrDefault(action => action.Code == code);

        Assert.That(action?.Argument, Is.EqualTo(argument));
    }

    [TestCase("PROMO", "PROMO")]
    [TestCase("акции", "PROMO")]
    [TestCase("Реклама", "PROMO")]
    [TestCase("НОВОСТИ", "NEWS")]
    [TestCase("SURVEY", "SURVEYS")]
    [TestCase("ROAMING", null)]
    public void CampaignTopicNamed_ByAnyNameInAnyLanguage(string typed, string? code)
    {
        Assert.That(SampleCatalogue.Load().CampaignTopicNamed(typed)?.Code, Is.EqualTo(code));
    }

    [Test]
    public void Parse_CampaignTopicDefinedTwice_IsAnErrorNamingIt()
    {
        var json = "{ 'actions': [], 'campaignTopics': [ { 'code': 'PROMO', 'names': { 'en': [ 'PROMO' ] } }, { 'code': 'promo', 'names': { 'en': [ 'ADS' ] } } ] }".Replace('\'', '"');

        Assert.That(() => ActionCatalogue.Parse(json), Throws.TypeOf<ActionCatalogueException>().With.Message.Contains("the topic PROMO is defined twice"));
    }

    [TestCase("BAL", "en", "BAL,BALANCE")]
    [TestCase("BAL", "ru", "БАЛ,БАЛАНС,СЧЕТ,СЧЁТ")]
    [TestCase("ACT", "en", "ACT,ON,ACTIVATE")]
    [TestCase("ACT", "ru", "ВКЛ,ПОДКЛ,ПОДКЛЮЧИТЬ,ВКЛЮЧИТЬ")]
    [TestCase("DEACT", "ru", "ОТКЛ,ОТКЛЮЧИТЬ,ВЫКЛ")]
    [TestCase("STATUS", "en", "STATUS,SERVICES,MY SERVICES")]
    [TestCase("HELP", "en", "HELP,?,INFO")]
    [TestCase("AGENT", "ru", "ОПЕРАТОР,АГЕНТ,ЧЕЛОВЕК")]
    [TestCase("YES", "ru", "ДА,Д,ОК")]
    [TestCase("LINK", "ru", "ПРИВЯЗАТЬ,ПРИВЯЗКА")]
    public void Load_SampleCatalogue_HasAliases(string code, string language, string aliases)
    {
        var action = SampleCatalogue.Load().Actions.Single(action => action.Code == code);

        Assert.That(action.Aliases[language], Is.SupersetOf(aliases.Split(',')));
    }

    [Test]
    public void Load_SampleCatalogue_EveryActionHasOneSmsOfHelpPerLanguage()
    {
        // 70 characters is one UCS-2 SMS, the encoding Russian text needs.
        var descriptions = SampleCatalogue.Load().Actions
            .SelectMany(action => new[] { "ru", "en" }.Select(language => action.Descriptions.GetValueOrDefault(language, "")));

        Assert.That(descriptions, Has.All.Length.InRange(1, 70));
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-actions.json");

        Assert.That(() => ActionCatalogue.Load(path), Throws.TypeOf<ActionCatalogueException>().With.Message.Contains(path));
    }

    [Test]
    public void Parse_OperatorFriendlyJson_ReadsActionNormalized()
    {
        var catalogue = ActionCatalogue.Parse("""
            {
              // comments and trailing commas are fine
              "$comment": [ "one line", "another" ],
              "actions": [
                { "code": " link ", "argument": "phone", "aliases": { "EN": [ " link  to " ], }, "descriptions": { "en": " LINK - link " } },
              ],
            }
            """);

        var action = catalogue.Actions.Single();
        Assert.That(
            (action.Code, action.Argument, action.Aliases["en"].Single(), action.Descriptions["en"]),
            Is.EqualTo(("LINK", ArgumentKind.Phone, "LINK TO", "LINK - link")));
    }

    [Test]
    public void Parse_NoArgumentKind_DefaultsToNone()
    {
        var catalogue = ActionCatalogue.Parse(Json("{ 'actions': [ { 'code': 'BAL', 'aliases': { 'en': [ 'BAL' ] } } ] }"));

        Assert.That(catalogue.Actions.Single().Argument, Is.EqualTo(ArgumentKind.None));
    }

    [Test]
    public void Parse_SameAliasInTwoLanguagesOfOneCode_Accepted()
    {
        var catalogue = ActionCatalogue.Parse(Json("{ 'actions': [ { 'code': 'YES', 'aliases': { 'en': [ 'OK' ], 'ru': [ 'ОК' ] } } ] }"));

        Assert.That(catalogue.Actions.Single().Aliases, Has.Count.EqualTo(2));
    }

    // JSON is written with ' for " to keep the table readable.
    [TestCase("{ 'actions': [ ", "not a valid catalogue")]
    [TestCase("{\n 'actions': [\n { 'code': 'BAL' 'aliases': {} } ] }", "not a valid catalogue (line 3, at $.actions[0])")]
    [TestCase("[]", "not a valid catalogue")]
    [TestCase("{}", "\"actions\" list is missing")]
    [TestCase("{ 'actions': [ null ] }", "action #1 is empty")]
    [TestCase("{ 'actions': [ { 'code': '', 'aliases': { 'en': [ 'BAL' ] } } ] }", "\"code\" must be one word")]
    [TestCase("{ 'actions': [ { 'code': 'MY BAL', 'aliases': { 'en': [ 'BAL' ] } } ] }", "\"code\" must be one word")]
    [TestCase("{ 'actions': [ { 'code': 'BAL' } ] }", "(BAL): \"aliases\" is empty")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'aliases': { 'en': [ ' ' ] } } ] }", "(BAL): an alias in \"en\" is empty")]
    [TestCase("{ 'actions': [ { 'code': 'LINK', 'argument': 'Phon', 'aliases': { 'en': [ 'LINK' ] } } ] }", "unknown \"argument\" \"Phon\"; use one of None, Service, Phone, Digits, Text, Language, Topic")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'topic': 'MONEY', 'aliases': { 'en': [ 'BAL' ] } } ] }", "the topic MONEY of BAL is not in \"helpTopics\"")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'aliases': { 'en': [ 'BAL' ] } } ], 'helpTopics': [ { 'code': 'A B' } ] }", "a topic's \"code\" must be one word")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'alias': { 'en': [ 'BAL' ] } } ] }", "'alias'")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'aliases': { 'en': [ 'BAL' ] } }, { 'code': 'bal', 'aliases': { 'en': [ 'B' ] } } ] }", "the code BAL is defined twice")]
    [TestCase("{ 'actions': [ { 'code': 'BAL', 'aliases': { 'en': [ 'BAL' ] } }, { 'code': 'BALANCE', 'aliases': { 'en': [ 'bal' ] } } ] }", "\"BAL\" of BALANCE is the same as (or looks like) the alias \"BAL\" of BAL")]
    [TestCase("{ 'actions': [ { 'code': 'TOP', 'aliases': { 'en': [ 'TOP' ] } }, { 'code': 'STOP', 'aliases': { 'ru': [ 'ТОР' ] } } ] }", "\"ТОР\" of STOP is the same as (or looks like) the alias \"TOP\" of TOP")]
    public void Parse_InvalidCatalogue_ThrowsSayingWhatIsWrong(string json, string message)
    {
        Assert.That(() => ActionCatalogue.Parse(Json(json)), Throws.TypeOf<ActionCatalogueException>().With.Message.Contains(message));
    }

    private static string Json(string text) => text.Replace('\'', '"');

    [Test]
    public void Load_SampleCatalogue_EveryActionIsUnderAHelpTopic()
    {
        var catalogue = SampleCatalogue.Load();

        Assert.That(catalogue.Actions.Where(a => catalogue.HelpTopics.All(t => t.Code != a.Topic)).Select(a => a.Code), Is.Empty);
    }

    [TestCase("по-русски", "ru")]
    [TestCase("English", "en")]
    [TestCase("РУ", "ru")]
    [TestCase("klingon", null)]
    public void LanguageNamed_SampleCatalogue_KnowsTheNames(string text, string? language) =>
        Assert.That(SampleCatalogue.Load().Vocabulary.LanguageNamed(text), Is.EqualTo(language));
}
