using SelfService.ActionCodes;

namespace SelfService.ActionCodes.Tests;

public sealed class TextLanguageTests
{
    [TestCase("Баланс", "ru")]
    [TestCase("как подключить роуминг?", "ru")]
    [TestCase("Ёлка", "ru")]
    [TestCase("BAL баланс", "ru")]
    [TestCase("ВАL", "ru")]
    [TestCase("balance", "en")]
    [TestCase("How do I activate roaming?", "en")]
    [TestCase("café", "en")]
    [TestCase("Hello мир", "en")]
    [TestCase("ДаOK", "en")]
    public void Detect_TextWithLetters_ReturnsMajorityAlphabet(string text, string language)
    {
        Assert.That(TextLanguage.Detect(text), Is.EqualTo(language));
    }

    [TestCase("1")]
    [TestCase("?")]
    [TestCase("+7 (900) 123-45-67")]
    [TestCase("")]
    [TestCase("你好")]
    public void Detect_NoCyrillicOrLatinLetters_ReturnsNull(string text)
    {
        Assert.That(TextLanguage.Detect(text), Is.Null);
    }
}
