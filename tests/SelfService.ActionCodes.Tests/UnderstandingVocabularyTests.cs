namespace SelfService.ActionCodes.Tests;

/// <summary>The catalogue's words for requests in customers' own words: phrases per action and the understanding section.</summary>
public sealed class UnderstandingVocabularyTests
{
    [Test]
    public void Parse_PhrasesAndUnderstanding_AreReadLowerCaseWithSingleSpaces()
    {
        var catalogue = ActionCatalogue.Parse("""
            {
              "actions": [ { "code": "AGENT", "aliases": { "en": [ "AGENT" ] }, "phrases": { "en": [ "Talk  To" ] }, "actsOnQuestion": true } ],
              "understanding": {
                "fillers": { "ru": [ "Пожалуйста" ] },
                "questionMarkers": { "en": [ "How" ] },
                "serviceAliases": { "voicemail": { "ru": [ "Автоответчик" ] } }
              }
            }
            """);

        var agent = catalogue.Actions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(agent.Phrases["en"], Is.EqualTo(new[] { "talk to" }));
            Assert.That(agent.ActsOnQuestion, Is.True);
            Assert.That(catalogue.Vocabulary.Fillers["ru"], Is.EqualTo(new[] { "пожалуйста" }));
            Assert.That(catalogue.Vocabulary.QuestionMarkers["en"], Is.EqualTo(new[] { "how" }));
            Assert.That(catalogue.Vocabulary.ServiceAliases["VOICEMAIL"]["ru"], Is.EqualTo(new[] { "автоответчик" }));
        });
    }

    [Test]
    public void Parse_NoUnderstandingSection_IsEmptyAndActionsDoNotActOnQuestions()
    {
        var catalogue = ActionCatalogue.Parse("""{ "actions": [ { "code": "BAL", "aliases": { "en": [ "BAL" ] } } ] }""");

        Assert.That(catalogue.Vocabulary.Fillers, Is.Empty);
        Assert.That(catalogue.Actions.Single().Phrases, Is.Empty);
        Assert.That(catalogue.Actions.Single().ActsOnQuestion, Is.False);
    }

    [Test]
    public void Parse_EmptyPhrase_IsRefusedNamingTheAction() =>
        Assert.That(
            () => ActionCatalogue.Parse("""{ "actions": [ { "code": "BAL", "aliases": { "en": [ "BAL" ] }, "phrases": { "en": [ " " ] } } ] }"""),
            Throws.TypeOf<ActionCatalogueException>().With.Message.Contains("BAL").And.Message.Contains("phrase"));

    [Test]
    public void Parse_MisspeltUnderstandingField_IsRefused() =>
        Assert.That(
            () => ActionCatalogue.Parse("""{ "actions": [ { "code": "BAL", "aliases": { "en": [ "BAL" ] } } ], "understanding": { "filler": {} } }"""),
            Throws.TypeOf<ActionCatalogueException>());

    [Test]
    public void Load_SampleCatalogue_HasAliasesForEveryService() =>
        Assert.That(SampleCatalogue.Load().Vocabulary.ServiceAliases.Keys,
            Is.EquivalentTo(new[] { "ROAMING", "INTERNET", "VOICEMAIL", "CALLERID", "BLACKLIST", "SMSPACK", "RINGBACK" }));
}
