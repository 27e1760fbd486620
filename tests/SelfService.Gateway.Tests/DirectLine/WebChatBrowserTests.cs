using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>
/// Microsoft Web Chat 4.18.1, served by the gateway at "/", in headless Chromium: a customer links the chat to a phone,
/// asks the balance, activates roaming with the ДА suggested action, asks a question, reloads and goes on.
/// </summary>
public class WebChatBrowserTests : DirectLineGatewayTest
{
    private Chromium _chromium = null!;

    private IPage Page { get; set; } = null!;

    [SetUp]
    public async Task StartBrowser()
    {
        _chromium = await Chromium.LaunchAsync();
        Page = await _chromium.NewPageAsync(BaseAddress, "ru-RU");
    }

    [TearDown]
    public async Task StopBrowser() => await _chromium.DisposeAsync();

    private ILocator SendBox => Page.Locator("[data-id='webchat-sendbox-input']");

    private async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    /// <summary>Web Chat shows a text in several elements (the bubble and its screen-reader copy): wait for the first.</summary>
    private Task SeeAsync(string text) => Page.GetByText(text).First.WaitForAsync();

    [Test]
    public async Task WebChat_LinkBalanceRoamingQuestionAndReload()
    {
        await Page.GotoAsync(BaseAddress + "");
        await SendBox.WaitForAsync();

        await SayAsync("ПРИВЯЗАТЬ +79161234567");
        await SeeAsync("+7916***4567");
        await SayAsync(await OneTimeCodes.ReadAsync(Http, "+79161234567"));
        await SeeAsync("Готово: чат привязан к номеру +7916***4567");

        await SayAsync("БАЛАНС");
        await SeeAsync("Баланс: 350,00 RUB");

        await SayAsync("ВКЛ РОУМИНГ");
        await SeeAsync("Подключить «Роуминг»");
        // The suggested actions' toolbar (a copy of the buttons also sits in the screen-reader live region).
        await Page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "ДА", Exact = true }).ClickAsync();
        await SeeAsync("Услуга «Роуминг» подключена");

        await SayAsync("Как пополнить баланс?");
        // The long answer is Markdown, rendered: its title is a heading, its commands bold.
        await Page.Locator("h2", new() { HasText = "Как пополнить баланс" }).First.WaitForAsync();
        Assert.That(await Page.Locator("strong", new() { HasText = "БАЛАНС" }).CountAsync(), Is.GreaterThan(0));

        await SeeAsync("Чтобы не следить за балансом");

        var conversationBefore = await KeptConversationAsync();
        // For the picture: Web Chat stops following the bottom when a long answer arrives; show its end.
        await Page.EvaluateAsync("() => document.querySelectorAll('.webchat__basic-transcript__scrollable').forEach(e => e.scrollTop = e.scrollHeight)");
        TestContext.AddTestAttachment(await Chromium.ScreenshotAsync(Page, "webchat"), "Web Chat on the gateway");

        await Page.ReloadAsync();
        await SendBox.WaitForAsync();
        await SeeAsync("Баланс: 350,00 RUB");
        await SeeAsync("Услуга «Роуминг» подключена");
        Assert.That(await KeptConversationAsync(), Is.EqualTo(conversationBefore), "the reload resumed the same conversation");

        await SayAsync("БАЛАНС");
        await Page.GetByText("Баланс: 350,00 RUB").Nth(1).WaitForAsync();
    }

    /// <summary>Issue 12: in Microsoft Web Chat a link between articles opens the linked article's page, and its suggested action asks for it.</summary>
    [Test]
    public async Task WebChat_LinkToAnotherArticle_OpensIt_AndItsSuggestedActionAnswersWithIt()
    {
        await Page.GotoAsync(BaseAddress + "");
        await SendBox.WaitForAsync();

        await SayAsync("не работает мобильный интернет");
        var link = Page.Locator("a[href$='/kb/apn-settings-ru']").First;
        await link.WaitForAsync();
        var article = await Page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await Assertions.Expect(article.Locator("h2")).ToHaveTextAsync("Настройки интернета (APN)");

        await Page.GetByRole(AriaRole.Toolbar).GetByRole(AriaRole.Button, new() { Name = "Покрытие 4G и 5G", Exact = true }).ClickAsync();
        await Page.Locator("h2", new() { HasText = "Покрытие сети" }).First.WaitForAsync();
    }

    [Test]
    public async Task WebChat_EnglishBrowser_EnglishPage()
    {
        var english = await _chromium.NewPageAsync(BaseAddress, "en-US");

        await english.GotoAsync(BaseAddress + "");
        await english.Locator("[data-id='webchat-sendbox-input']").WaitForAsync();

        Assert.That(await english.TitleAsync(), Is.EqualTo("Self-service"));
        Assert.That(await english.Locator("[data-id='webchat-sendbox-input']").GetAttributeAsync("placeholder"), Is.EqualTo("Type your message"));
    }

    private Task<string> KeptConversationAsync() =>
        Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('selfservice.directline')).conversationId");
}
