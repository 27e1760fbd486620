using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.WebChat;

/// <summary>
/// The web chat page shows what the transcript's html says: the bot's Markdown rendered and sanitized by the gateway's one
/// renderer (no raw "## " or "**"), the customer's words exactly as typed, never as markup.
/// </summary>
public class WebChatRenderingTests : LoopbackGatewayTest
{
    [Test]
    public async Task Transcript_BotMarkdownIsRendered_TheCustomersMarkupIsShownAsTyped()
    {
        using var customers = Gateway.CreateAnonymousClient();
        var chat = await ChatSession.StartAsync(customers);

        var reply = await chat.AskAsync("Как пополнить баланс?");
        using (await chat.PostAsync("<b>привет</b> **мир**")) { }
        var lines = await chat.ReadAsync();
        var typed = lines.Single(l => l.From == "user" && l.Text.StartsWith("<b>", StringComparison.Ordinal));

        Assert.That(reply.Text, Does.Contain("## "), "the stored answer is the article's Markdown");
        var shown = lines.Single(l => l.Seq == reply.Seq).Html;
        Assert.That(shown, Does.Contain("<h2>").And.Contain("<li><strong>").And.Contain("<code>*100#</code>"));
        Assert.That(shown, Does.Not.Contain("## ").And.Not.Contain("**"));
        Assert.That(typed.Html, Is.EqualTo("&lt;b&gt;привет&lt;/b&gt; **мир**"));
    }

    [Test]
    public async Task Page_ShowsTheAnswerAsRenderedMarkdown_InChromium()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);

        await page.GotoAsync("/webchat");
        await page.Locator("#text").FillAsync("How do I top up?");
        await page.Locator("#send button").ClickAsync();

        var answer = page.Locator(".msg.bot").Last;
        await Assertions.Expect(answer.Locator("h2")).ToHaveTextAsync("How to top up", new() { Timeout = 15_000 });
        await Assertions.Expect(answer.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(answer).Not.ToContainTextAsync("**");
        await Chromium.ScreenshotAsync(page, "webchat-markdown");
    }
}
