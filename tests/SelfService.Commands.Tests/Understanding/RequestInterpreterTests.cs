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
    [TestCase("ballence pls", "BAL")]                                    // a doubled letter and a typo
    [TestCase("please disable roaming on my phone", "DEACT ROAMING")]    // "on" is a word of the sentence once "disable" asked
    [TestCase("what have i got switched on", "STATUS")]                  // word groups: which + switched on
    [TestCase("какие услуги у меня включены", "STATUS")]                 // "включены" of the groups, not a question's
    [TestCase("помогите, не знаю что писать", "HELP")]
    [TestCase("unsubscribe me from your messages", "STOP")]
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
    [TestCase("mobile data stopped after restart")]                      // "stopped" tells of a fault, not a wish to stop
    [TestCase("еду в турцию, как подключить роуминг?")]                  // the question is in the request's own clause
    [TestCase("пополнил счет, а баланс не изменился")]                   // a question beside an unclear request
    [TestCase("еду в турцию что включить на телефоне чтобы работал")]
    [TestCase("хочу знать когда кончится интернет")]                     // the clause word's clause holds the service
    [TestCase("when does roaming end")]   // "включить" is not "включено": a participle group is as written
    public void Interpret_QuestionOrUnknown_IsLeftToTheKnowledgeBase(string text) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.TypeOf<NoRequest>());

    [Test]
    public void Interpret_TwoServicesFit_OffersBothWithoutAQuestion()
    {
        var interpretation = (UnclearRequest)SampleInterpreter.Interpreter.Interpret("отключить пакет");

        Assert.That(interpretation.Candidates.Select(c => c.AsCode), Is.EquivalentTo(new[] { "DEACT INTERNET", "DEACT SMSPACK" }));
        Assert.That(interpretation.MayBeQuestion, Is.False);
    }

    // The sample catalogue's word combinations: each family of phrasing, in both languages.
    [TestCase("нужен специалист поддержки", "AGENT")]                   // agent + need
    [TestCase("переключите меня на сотрудника", "AGENT")]               // agent + contact
    [TestCase("transfer me to a human please", "AGENT")]
    [TestCase("i need someone from customer service", "AGENT")]
    [TestCase("хватит присылать мне рекламные сообщения", "STOP")]      // stopping + marketing (+ messages)
    [TestCase("no more ads please", "STOP")]
    [TestCase("stop sending me promo texts", "STOP")]                   // "texts" is the SMS pack's name, here the messages'
    [TestCase("хочу снова получать новости", "START")]                  // resuming + marketing
    [TestCase("send me your offers again", "START")]
    [TestCase("turn offers back on", "START")]                          // "back" is part of "ring back tone", yet no service is named
    [TestCase("врубите роуминг", "ACT ROAMING")]                        // colloquial verbs and names
    [TestCase("отключите голосовуху", "DEACT VOICEMAIL")]
    [TestCase("да, всё правильно", "YES")]                              // confirming + affirming
    [TestCase("ok, go ahead please", "YES")]
    [TestCase("скока денег осталось на симке", "BAL")]                  // money + how much (+ holder)
    [TestCase("how much money have i got left", "BAL")]
    [TestCase("больше не нужен автоответчик", "DEACT VOICEMAIL")]       // a negated want is a deactivation
    [TestCase("i don't need roaming anymore", "DEACT ROAMING")]
    [TestCase("что тут можно сделать", "HELP")]
    [TestCase("can someone help me", "AGENT")]                          // "help" with a person is a request for one
    [TestCase("хочу узнать свой баланс", "BAL")]
    public void Interpret_WordsThatGoTogether_AreUnderstood(string text, string expected)
    {
        var interpretation = SampleInterpreter.Interpreter.Interpret(text);

        Assert.That(interpretation, Is.TypeOf<UnderstoodRequest>());
        Assert.That(((UnderstoodRequest)interpretation).AsCode, Is.EqualTo(expected));
    }

    // Questions that share words with those combinations stay questions for the knowledge base.
    [TestCase("сколько стоит роуминг")]
    [TestCase("сколько денег списали за интернет")]
    [TestCase("how much money will roaming cost me")]
    [TestCase("how do i top up")]
    [TestCase("пополнить баланс")]                                      // topping up is not asking for the balance
    [TestCase("why is my balance negative")]
    [TestCase("как отключить рекламу")]
    [TestCase("why do i get so many ads")]
    [TestCase("нужен ли роуминг в белоруссии")]                          // "ли" asks
    public void Interpret_QuestionSharingTheirWords_IsLeftToTheKnowledgeBase(string text) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.TypeOf<NoRequest>());

    [TestCase("cancel the package please")]
    [TestCase("отмените пакет")]
    public void Interpret_CancelAndAPackage_AsksWhichPackageRatherThanSayingNo(string text)
    {
        var interpretation = SampleInterpreter.Interpreter.Interpret(text);

        Assert.That(interpretation, Is.TypeOf<UnclearRequest>());
        Assert.That(((UnclearRequest)interpretation).Candidates.Select(c => c.AsCode), Is.EquivalentTo(new[] { "DEACT INTERNET", "DEACT SMSPACK" }));
    }

    [TestCase("cancel", "NO")]                                          // nothing named: a refusal
    [TestCase("list my active services", "STATUS")]                     // "active services" is also ACTIVATE SERVICE, "list" part of "block list"
    public void Interpret_WordsTwoActionsShare_AreReadByWhatElseIsThere(string text, string expected) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text) switch
        {
            UnderstoodRequest request => request.AsCode,
            UnclearRequest unclear => string.Join(" | ", unclear.Candidates.Select(c => c.AsCode)),
            _ => "question",
        }, Does.StartWith(expected));

    [TestCase("roaming on please", "ACT ROAMING")]                       // a short keyword right after the service ends the request
    [TestCase("voicemail off", "DEACT VOICEMAIL")]
    [TestCase("which services are on my number", "STATUS")]             // inside a sentence "on" is an ordinary word
    public void Interpret_ShortKeywordAfterTheService_IsTheRequest(string text, string expected) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.EqualTo(new UnderstoodRequest(expected.Split(' ')[0], expected.Split(' ').ElementAtOrDefault(1))));

    [Test]
    public void Interpret_ServiceNamedOutsideTheRequest_IsNotActedOn() =>
        Assert.That(SampleInterpreter.Interpreter.Interpret("спам про роуминг"), Is.Not.TypeOf<UnderstoodRequest>());

    [TestCase("stop", "STOP")]                                           // alone: no more campaigns
    [TestCase("stop roaming", "DEACT ROAMING")]                          // with a service: that service off
    [TestCase("стоп роуминг", "DEACT ROAMING")]
    [TestCase("stop the ringback tone", "DEACT RINGBACK")]
    public void Interpret_StopWithAService_TurnsTheServiceOff(string text, string expected) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.EqualTo(new UnderstoodRequest(expected.Split(' ')[0], expected.Split(' ').ElementAtOrDefault(1))));

    [TestCase("i need roaming, travelling to france next week", "ACT ROAMING")]    // a reason in a clause of its own
    [TestCase("подключите роуминг. сколько стоит?", "ACT ROAMING")]                 // the confirmation names the price
    [TestCase("отключите автоответчик - он мне не нужен", "DEACT VOICEMAIL")]
    [TestCase("need to know my account balance before i top up", "BAL")]            // a clause word begins the reason
    [TestCase("turn on roaming when i land in turkey", "ACT ROAMING")]
    [TestCase("можно чтоб оператор мне перезвонил? сейчас не могу ждать", "CALLBACK")] // CALLBACK needs no number of its own
    [TestCase("хочу отказаться от пакета смс", "DEACT SMSPACK")]                    // the verb nearer the service
    [TestCase("i dont need roaming anymore", "DEACT ROAMING")]
    [TestCase("english please i dont read russian", "LANG en")]                     // a language beside a refusal is not the choice
    [TestCase("пишите по русски, я английский не понимаю", "LANG ru")]
    [TestCase("my phone is +7 985 765 43 21, please connect it to this chat", "LINK +79857654321")] // tie + chat, and a number
    public void Interpret_ClearRequestWithAnotherClause_IsTheRequest(string text, string expected) =>
        Assert.That(SampleInterpreter.Interpreter.Interpret(text), Is.EqualTo(new UnderstoodRequest(expected.Split(' ')[0], expected.Split(' ').ElementAtOrDefault(1))));
}
