using SelfService.Channels.Telegram.Outbound;

namespace SelfService.Channels.Telegram.Tests.Outbound;

public class TelegramKeyboardsTests
{
    [Test]
    public void ForChoices_TwoShortChoices_ShareOneRow_AndSendTheirLabels()
    {
        var keyboard = TelegramKeyboards.ForChoices(["ДА", "НЕТ"])!;

        var rows = keyboard.InlineKeyboard.Select(r => r.Select(b => (b.Text, b.CallbackData)).ToList()).ToList();
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0], Is.EqualTo(new[] { ("ДА", (string?)"ДА"), ("НЕТ", (string?)"НЕТ") }));
    }

    [Test]
    public void ForChoices_AMenu_GetsARowPerItem()
    {
        var keyboard = TelegramKeyboards.ForChoices(["Balance", "My services", "Add", "Remove", "Agent"])!;

        Assert.That(keyboard.InlineKeyboard.Select(r => r.Count()), Is.EqualTo(new[] { 1, 1, 1, 1, 1 }));
    }

    [Test]
    public void ForChoices_ALabelTooLongForCallbackData_SendsItsNumber()
    {
        var longLabel = new string('Ж', 40);   // 80 bytes of UTF-8

        var keyboard = TelegramKeyboards.ForChoices(["Баланс", longLabel])!;

        var data = keyboard.InlineKeyboard.SelectMany(r => r).Select(b => b.CallbackData).ToList();
        Assert.That(data, Is.EqualTo(new[] { "Баланс", "2" }));
    }

    [Test]
    public void ForChoices_None_IsNoKeyboard()
    {
        Assert.That(TelegramKeyboards.ForChoices([]), Is.Null);
    }

    [TestCase("ru", "📱 Отправить мой номер")]
    [TestCase("en", "📱 Share my phone number")]
    public void ShareContact_IsOneButtonThatRequestsTheContact(string language, string label)
    {
        var keyboard = TelegramKeyboards.ShareContact(language);

        var button = keyboard.Keyboard.Single().Single();
        Assert.That(button.Text, Is.EqualTo(label));
        Assert.That(button.RequestContact, Is.True);
        Assert.That(keyboard.OneTimeKeyboard, Is.True);
    }
}
