using SelfService.Commands.Understanding;

namespace SelfService.Commands.Tests.Understanding;

public sealed class RequestInterpreterTests
{
    [TestCase("отключите голосовую почту", "DEACT VOICEMAIL")]          // case ending
    [TestCase("отключить автоответчик", "DEACT VOICEMAIL")]             // a per-language alias
    [TestCase("включите аон", "ACT CALLERID")]
    [TestCase("выключи голосовую", "DEACT VOICEMAIL")]                   // part of a name, nothing else
    [TestCase("please switch off roaming", "DEACT ROAMING")]
    [TestCase("turn on rоaming", "ACT ROAMING")]                         // a Cyrillic о inside a Latin word
    [TestCase("подключите роминг", "ACT ROAMING")]                       // one typo
    [TestCase("привяжите номер 8 916 123-45-67", "LINK 89161234567")]
    [TestCase("my pin is 1234", "PIN 1234")]
    [TestCase("english please", "LANG en")]                              // a language named on its own
    [TestCase("говорите по-русски", "LANG ru")]
    [TestCase("activate roming", "ACT ROAMING")]                         // a typo that changes the stem
    [TestCase("how much money do I have left", "BAL")]                   // a question the catalogue words as a request
    [TestCase("какие сейчас услуги", "STATUS")]                          // a word inside a phrase
    public void Interpret_ClearRequest_IsUnderstood(string text, string expected)
    {
        var interpretation = SampleInterpreter.Interpreter.Interpret(text);

        Assert.That(interpretation, Is.TypeOf<UnderstoodRequest>());
        Assert.That(((UnderstoodRequest)interpretation).AsCode, Is.EqualTo(expected));
    }

    [TestCase("как подключить роуминг")]
    [TestCase("balance on my bank card is wrong")]
    [TestCase("phone wants a puk code")]
    [TestCase("подключите безлимит на выходные")]
    [TestCase("пишите мне на почту")]                                    // a language request naming no language
    [TestCase("how much does roaming cost")]
    public void Interpret_QuestionOrUnknown_IsLeftToTheKnowledgeBase(string text) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.TypeOf<NoRequest>());

    [Test]
    public void Interpret_TwoServicesFit_OffersBothWithoutAQuestion()
    {
        var interpretation = (UnclearRequest)SampleInterpreter.Interpreter.Interpret("отключить пакет");

        Assert.That(interpretation.Candidates.Select(c => c.AsCode), Is.EquivalentTo(new[] { "DEACT INTERNET", "DEACT SMSPACK" }));
        Assert.That(interpretation.MayBeQuestion, Is.False);
    }

    [Test]
    public void Interpret_ServiceNamedOutsideTheRequest_IsNotActedOn() =>
        Assert.That(SampleInterpreter.Interpreter.Interpret("stop roaming"), Is.Not.TypeOf<UnderstoodRequest>());
}
