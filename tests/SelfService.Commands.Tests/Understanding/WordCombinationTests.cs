using SelfService.ActionCodes;
using SelfService.Commands.Understanding;
using SelfService.Provisioning;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>
/// Word combinations over a catalogue of their own, so each rule is seen apart from the sample operator's vocabulary:
/// groups found together ask for the action, alone they ask for nothing.
/// </summary>
public sealed class WordCombinationTests
{
    private static readonly RequestInterpreter Interpreter = new(ActionCatalogue.Parse("""
        {
          "actions": [
            { "code": "AGENT", "aliases": { "en": [ "AGENT" ] }, "combinations": [ "person + need" ] },
            { "code": "BAL", "aliases": { "en": [ "BAL" ] }, "combinations": [ "money + howmuch + holder?" ] }
          ],
          "understanding": {
            "fillers": { "en": [ "i", "a", "on", "my", "is" ] },
            "questionMarkers": { "en": [ "how", "cost" ] },
            "wordGroups": {
              "person": { "en": [ "someone", "operator" ] },
              "need": { "en": [ "need", "want" ] },
              "money": { "en": [ "credit", "money" ] },
              "howmuch": { "en": [ "how much", "left" ] },
              "holder": { "en": [ "sim" ] }
            }
          }
        }
        """), Array.Empty<ServiceOffer>());

    [TestCase("i need someone", "AGENT")]                       // both groups, in either order
    [TestCase("operator i want", "AGENT")]
    [TestCase("how much credit is left on my sim", "BAL")]       // "how" is the group's, so no question; "sim" is optional
    [TestCase("credit left", "BAL")]
    public void Interpret_GroupsTogether_AskForTheAction(string text, string expected) =>
        Assert.That(Interpreter.Interpret(text), Is.EqualTo(new UnderstoodRequest(expected, null)));

    [TestCase("i need")]                                        // one group alone asks for nothing
    [TestCase("someone")]
    [TestCase("how much does credit cost")]                     // a question word outside the groups keeps it a question
    public void Interpret_GroupsApart_AskForNothing(string text) =>
        Assert.That(Interpreter.Interpret(text), Is.TypeOf<NoRequest>());

    [Test]
    public void Interpret_OneWordInTwoGroups_MeetsOnlyOne()
    {
        var interpreter = new RequestInterpreter(ActionCatalogue.Parse("""
            {
              "actions": [ { "code": "AGENT", "aliases": { "en": [ "AGENT" ] }, "combinations": [ "person + need" ] } ],
              "understanding": { "wordGroups": { "person": { "en": [ "support" ] }, "need": { "en": [ "support", "want" ] } } }
            }
            """), Array.Empty<ServiceOffer>());

        Assert.That(interpreter.Interpret("support"), Is.TypeOf<NoRequest>());
        Assert.That(interpreter.Interpret("want support"), Is.EqualTo(new UnderstoodRequest("AGENT", null)));
    }

    [Test]
    public void Interpret_GroupWordInsideAnotherGroupsPhrase_StillCounts()
    {
        // "turn back on" matches "turn offers back on" with "offers" passed over: that word is free for the other group.
        var interpreter = new RequestInterpreter(ActionCatalogue.Parse("""
            {
              "actions": [ { "code": "START", "aliases": { "en": [ "START" ] }, "combinations": [ "resuming + marketing" ] } ],
              "understanding": { "wordGroups": { "resuming": { "en": [ "turn back on" ] }, "marketing": { "en": [ "offers" ] } } }
            }
            """), Array.Empty<ServiceOffer>());

        Assert.That(interpreter.Interpret("turn offers back on"), Is.EqualTo(new UnderstoodRequest("START", null)));
    }

    [Test]
    public void Interpret_OptionalGroup_CountsTowardsTheRequest()
    {
        // Without "sim" the request is two words of four ("credit", "left" of "credit left phone sim"): only just enough;
        // "sim" makes it three, and "phone" alone is the rest.
        Assert.That(Interpreter.Interpret("credit left phone sim"), Is.EqualTo(new UnderstoodRequest("BAL", null)));
        Assert.That(Interpreter.Interpret("credit left phone tablet watch"), Is.TypeOf<UnclearRequest>());
    }
}
