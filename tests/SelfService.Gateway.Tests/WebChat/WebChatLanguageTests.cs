using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.WebChat;

/// <summary>
/// Issue 12: the web chat page's language reaches the gateway. It is a hint for a conversation with no language yet; the
/// page's language switch is an explicit choice (LANG EN / ЯЗЫК РУ), which changes the replies' language at once.
/// </summary>
public class WebChatLanguageTests : LoopbackGatewayTest
{
    private const string NeedIdentityEn = "For your account data, link your phone first";
    private const string NeedIdentityRu = "Чтобы увидеть данные счёта, привяжите номер";

    // BAL carries no language of its own: the reply's language is the page's.
    [TestCase("en", NeedIdentityEn)]
    [TestCase("en-GB", NeedIdentityEn)]
    [TestCase("ru-RU", NeedIdentityRu)]
    [TestCase("de", NeedIdentityEn)]   // no hint: a newcomer typing only a code is answered in its alphabet
    public async Task PageLanguage_IsTheHint_ForACodeWithoutLanguage(string pageLanguage, string expected)
    {
        var chat = await ChatSession.StartAsync(Http);
        chat.Language = pageLanguage;

        var reply = await chat.AskAsync("BAL");

        Assert.That(reply.Text, Does.StartWith(expected));
    }

    [Test]
    public async Task PageLanguage_DoesNotOverrideWhatTheConversationAlreadySays()
    {
        var chat = await ChatSession.StartAsync(Http);
        await chat.AskAsync("как пополнить баланс?");
        chat.Language = "en";

        var reply = await chat.AskAsync("BAL");

        Assert.That(reply.Text, Does.StartWith(NeedIdentityRu), "a hint, not a choice: only the switch or LANG changes the language");
    }

    [Test]
    public async Task LanguageSwitch_IsAnExplicitChoice_RepliesChangeAtOnce_AndThePageRemembersIt()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!, locale: "ru-RU");
        await page.GotoAsync("/webchat");
        await Assertions.Expect(page.Locator("[data-lang=ru]")).ToHaveAttributeAsync("aria-pressed", "true");

        await page.Locator("#text").FillAsync("BAL");
        await page.Locator("#send button").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot").Last).ToContainTextAsync(NeedIdentityRu, new() { Timeout = 15_000 });

        await page.Locator("[data-lang=en]").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Done: replies in English", new() { Timeout = 15_000 });
        await page.Locator("#text").FillAsync("BAL");
        await page.Locator("#send button").ClickAsync();
        await Assertions.Expect(page.Locator(".msg.bot").Last).ToContainTextAsync(NeedIdentityEn, new() { Timeout = 15_000 });

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("[data-lang=en]")).ToHaveAttributeAsync("aria-pressed", "true");
    }
}
