using SelfService.Commands.Customers;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>Codes carry no language; text does; the profile follows only a consistent change (issue 12, item 6).</summary>
public sealed class ReplyLanguageTests
{
    private const string Ivan = "+79161234567";
    private const string John = "+447700900123";
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task LatinCode_FromARussianSubscriber_IsAnsweredInRussian_AndTheProfileStays()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "BAL");

        Assert.That(reply, Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."));
        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("ru"));
    }

    [Test]
    public async Task Code_FromAnEnglishSubscriber_IsAnsweredInEnglish()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, John, "1");

        Assert.That(reply, Does.StartWith("Unknown command"));
    }

    [Test]
    public async Task EnglishText_IsAnsweredInEnglish_ButOneMessageDoesNotChangeTheProfile()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "balance please");

        Assert.That(reply, Does.StartWith("Balance: 350.00 RUB."));
        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("ru"));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "YES"), Is.EqualTo("Нечего подтверждать."), "a code after it is answered in the profile's language");
    }

    [Test]
    public async Task EnglishText_TwiceInARow_ChangesTheProfile()
    {
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "balance please");
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "what services do I have");

        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("en"));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "BAL"), Does.StartWith("Balance:"));
    }

    [TestCase("LANG EN")]
    [TestCase("english please")]
    [TestCase("reply in english")]
    public async Task ExplicitChoiceOfEnglish_ChangesTheProfileAtOnce(string text)
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, text);

        Assert.That(reply, Does.StartWith("Done: replies in English"));
        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("en"));
        Assert.That(await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "BAL"), Does.StartWith("Balance:"), "a code after it is answered in the chosen language");
    }

    [TestCase("ЯЗЫК РУ")]
    [TestCase("по-русски пожалуйста")]
    [TestCase("LANG RU")]
    public async Task ExplicitChoiceOfRussian_FromAnEnglishSubscriber_ChangesTheProfile(string text)
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, John, text);

        Assert.That(reply, Does.StartWith("Готово: теперь отвечаем по-русски"));
        Assert.That(await ProfileLanguageAsync(John), Is.EqualTo("ru"));
    }

    [Test]
    public async Task LanguageChoice_NamingNoLanguage_AsksWhichAndChangesNothing()
    {
        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "ЯЗЫК");

        Assert.That(reply, Does.StartWith("Какой язык?"));
        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("ru"));
    }

    [TestCase("YES")]
    [TestCase("1")]
    [TestCase("STATUS")]
    public async Task NeutralCodes_TwiceInARow_DoNotChangeTheProfile(string code)
    {
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, code);
        await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, code);

        Assert.That(await ProfileLanguageAsync(Ivan), Is.EqualTo("ru"));
    }

    [Test]
    public async Task OneTimeCode_GoesInTheOwnersLanguage_NotTheVisitors()
    {
        var toRussianOwner = await _harness.SendAsync(ProcessorHarness.Web, "visitor-en", "please link my number +79161234567");
        var toEnglishOwner = await _harness.SendAsync(ProcessorHarness.Web, "visitor-ru", "привяжите мой номер +447700900123");

        Assert.Multiple(() =>
        {
            Assert.That(toRussianOwner.Replies[0].Reply.Short, Does.StartWith("We sent a code"), "the visitor wrote in English");
            Assert.That(toRussianOwner.Replies[1].Reply.Short, Does.StartWith("Код SelfService:"), "the owner's record says ru");
            Assert.That(toEnglishOwner.Replies[1].Reply.Short, Does.StartWith("Your SelfService code:"), "the owner's record says en");
        });
    }

    private async Task<string?> ProfileLanguageAsync(string msisdn) =>
        (await _harness.Get<CustomerDirectory>().FindByMsisdnAsync(msisdn, CancellationToken.None))!.Language;
}
