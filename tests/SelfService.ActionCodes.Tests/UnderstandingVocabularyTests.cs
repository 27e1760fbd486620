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
    public void Parse_WordGroupsAndCombinations_AreRead()
    {
        var catalogue = ActionCatalogue.Parse("""
            {
              "actions": [ { "code": "STOP", "aliases": { "en": [ "STOP" ] }, "combinations": [ "Stopping + marketing + messages?" ] } ],
              "understanding": { "wordGroups": {
                "stopping": { "en": [ "No  More" ] }, "marketing": { "en": [ "ads" ] }, "messages": { "ru": [ "СМС" ] } } }
            }
            """);

        var combination = catalogue.Actions.Single().Combinations.Single();
        Assert.Multiple(() =>
        {
            Assert.That(combination.Required, Is.EqualTo(new[] { "stopping", "marketing" }));
            Assert.That(combination.Optional, Is.EqualTo(new[] { "messages" }));
            Assert.That(catalogue.Vocabulary.WordGroups["stopping"]["en"], Is.EqualTo(new[] { "no more" }));
            Assert.That(catalogue.Vocabulary.WordGroups["messages"]["ru"], Is.EqualTo(new[] { "смс" }));
        });
    }

    [Test]
    public void Parse_CombinationOfAnUnknownGroup_IsRefusedNamingTheActionAndGroup() =>
        Assert.That(
            () => ActionCatalogue.Parse("""{ "actions": [ { "code": "AGENT", "aliases": { "en": [ "AGENT" ] }, "combinations": [ "agent + need" ] } ], "understanding": { "wordGroups": { "agent": { "en": [ "operator" ] } } } }"""),
            Throws.TypeOf<ActionCatalogueException>().With.Message.Contains("AGENT").And.Message.Contains("\"need\""));

    [Test]
    public void Parse_GroupsMatchedAsWritten_AreRead_AnUnknownOneIsRefusedByName()
    {
        const string Groups = """ "wordGroups": { "switchedon": { "ru": [ "включены" ] }, "agent": { "en": [ "operator" ] } } """;
        var catalogue = ActionCatalogue.Parse($$"""{ "actions": [ { "code": "STATUS", "aliases": { "en": [ "STATUS" ] } } ], "understanding": { {{Groups}}, "wordGroupsAsWritten": [ " SwitchedOn " ] } }""");

        Assert.Multiple(() =>
        {
            Assert.That(catalogue.Vocabulary.WordGroupsAsWritten, Is.EquivalentTo(new[] { "switchedon" }));
            Assert.That(
                () => ActionCatalogue.Parse($$"""{ "actions": [ { "code": "STATUS", "aliases": { "en": [ "STATUS" ] } } ], "understanding": { {{Groups}}, "wordGroupsAsWritten": [ "active" ] } }"""),
                Throws.TypeOf<ActionCatalogueException>().With.Message.Contains("\"active\""));
        });
    }

    [Test]
    public void Parse_ClauseWordsAndLanguageRefusals_AreReadPerLanguage()
    {
        var vocabulary = ActionCatalogue.Parse("""
            { "actions": [ { "code": "BAL", "aliases": { "en": [ "BAL" ] } } ],
              "understanding": { "clauseWords": { "ru": [ "Потому  что" ], "en": [ "because" ] }, "languageRefusals": { "en": [ "Don't Read" ] } } }
            """).Vocabulary;

        Assert.Multiple(() =>
        {
            Assert.That(vocabulary.ClauseWords["ru"], Is.EqualTo(new[] { "потому что" }));
            Assert.That(vocabulary.LanguageRefusals["en"], Is.EqualTo(new[] { "don't read" }));
        });
    }

    [TestCase("agent?")]
    [TestCase("agent + agent")]
    public void Parse_CombinationWithNothingRequiredOrAGroupTwice_IsRefused(string combination) =>
        Assert.That(
            () => ActionCatalogue.Parse($$"""{ "actions": [ { "code": "AGENT", "aliases": { "en": [ "AGENT" ] }, "combinations": [ "{{combination}}" ] } ], "understanding": { "wordGroups": { "agent": { "en": [ "operator" ] } } } }"""),
            Throws.TypeOf<ActionCatalogueException>().With.Message.Contains("AGENT"));

    [Test]
    public void Load_SampleCatalogue_HasAliasesForEveryService() =>
        Assert.That(SampleCatalogue.Load().Vocabulary.ServiceAliases.Keys,
            Is.EquivalentTo(new[] { "ROAMING", "INTERNET", "VOICEMAIL", "CALLERID", "BLACKLIST", "SMSPACK", "RINGBACK" }));
}
