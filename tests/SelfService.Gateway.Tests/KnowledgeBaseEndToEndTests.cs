using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests;

/// <summary>Questions answered from the published knowledge base, and the editors' workflow that feeds it.</summary>
public class KnowledgeBaseEndToEndTests : LoopbackGatewayTest
{
    [TestCase("сколько стоит роуминг в турции", "roaming-prices-ru")]
    [TestCase("потерял телефон, что делать с симкой?", "lost-sim-ru")]
    [TestCase("how much is roaming in Turkey?", "roaming-prices-en")]
    [TestCase("I lost my phone, what do I do with the SIM", "lost-sim-en")]
    public async Task Question_InEitherLanguage_GetsThePublishedAnswer(string question, string articleId)
    {
        var chat = await ChatSession.StartAsync(Http);

        var reply = await chat.AskAsync(question);

        Assert.That(reply.Text, Is.EqualTo(await LiveLongAnswerAsync(articleId)));
    }

    [Test]
    public async Task EditorsWorkflow_DraftReviewPublish_ThenCustomersGetTheAnswer()
    {
        const string question = "можно ли купить телефон в рассрочку";
        var draft = new
        {
            content = new
            {
                language = "ru", category = "devices", title = "Телефон в рассрочку",
                questions = new[] { "Можно ли купить телефон в рассрочку?", "Продаёте ли вы смартфоны в кредит?", "Есть ли рассрочка на телефоны?" },
                keywords = new[] { "рассрочка", "кредит", "смартфон", "телефон" },
                shortAnswer = "Да: телефоны в рассрочку на 6-24 мес. без переплаты в салонах связи.",
                longAnswer = "**Да.** Смартфоны продаются в рассрочку на 6–24 месяца без переплаты.\n\nВозьмите паспорт и приходите в любой салон связи.",
            },
        };

        var chat = await ChatSession.StartAsync(Http);
        Assert.That((await chat.AskAsync(question)).Text, Does.StartWith("К сожалению, ответа нет"), "no answer before publishing");

        // Olga edits and reviews; Igor only reviews. Neither may publish their own text.
        using var olga = await Gateway.CreateStaffClientAsync("olga", StaffRoles.Editor, StaffRoles.Reviewer);
        using var igor = await Gateway.CreateStaffClientAsync("igor", StaffRoles.Reviewer);
        using var created = await olga.PostAsJsonAsync("/api/kb/articles", draft);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var submitted = await olga.PostAsync($"/api/kb/articles/{id}/submit", null);
        Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var selfApproved = await olga.PostAsync($"/api/kb/articles/{id}/approve", null);
        Assert.That(selfApproved.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "an editor may not publish their own text");
        var other = await ChatSession.StartAsync(Http);
        Assert.That((await other.AskAsync(question)).Text, Does.StartWith("К сожалению, ответа нет"), "in review is not published");

        using var approved = await igor.PostAsync($"/api/kb/articles/{id}/approve", null);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        Assert.That((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Published"));

        var third = await ChatSession.StartAsync(Http);
        Assert.That((await third.AskAsync(question)).Text, Is.EqualTo(draft.content.longAnswer));

        var history = await Http.GetFromJsonAsync<JsonElement>($"/api/kb/articles/{id}/history");
        Assert.That(history.ToString(), Does.Contain("olga").And.Contain("igor"));
    }

    [Test]
    public async Task EditorsApi_BadRequests_GetReasons()
    {
        using var empty = await Http.PostAsJsonAsync("/api/kb/articles", new { content = new { language = "xx", category = "", title = "", questions = Array.Empty<string>(), keywords = Array.Empty<string>(), shortAnswer = "", longAnswer = "" } });
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("language").IgnoreCase);

        using var missing = await Http.PostAsync("/api/kb/articles/no-such-article/submit", null);
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var malformed = await Http.PostAsync("/api/kb/articles", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(malformed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await malformed.Content.ReadAsStringAsync(), Does.Contain("Failed to read parameter"));
    }

    /// <summary>Issue 12: a link between articles opens the linked article, from the web chat's answer to the gateway's page of it.</summary>
    [Test]
    public async Task WebChat_LinkToAnotherArticle_OpensItsPage_AndItsButtonAsksForIt()
    {
        var chat = await ChatSession.StartAsync(Http);

        var answer = await chat.AskAsync("my mobile internet is not working");
        using var page = await Http.GetAsync("/kb/apn-settings-en");
        var html = await page.Content.ReadAsStringAsync();
        var picked = await chat.AskAsync(answer.Choices[1]);
        var coverage = await LiveLongAnswerAsync("coverage-en");

        Assert.Multiple(() =>
        {
            Assert.That(answer.Html, Does.Contain("href=\"/kb/apn-settings-en\"").And.Contain("href=\"/kb/coverage-en\""));
            Assert.That(answer.Choices, Is.EqualTo(new[] { "Mobile internet settings (APN)", "4G and 5G coverage" }));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<title>Mobile internet settings (APN)</title>").And.Contain("internet.nt").And.Not.Contain("{{"));
            Assert.That(picked.Text, Is.EqualTo(coverage));
        });
    }

    [Test]
    public async Task ArticlePage_LinksToTheOtherPages_AndUnknownArticlesAre404()
    {
        using var page = await Http.GetAsync("/kb/internet-troubleshooting-ru");
        using var missing = await Http.GetAsync("/kb/no-such-article");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("href=\"/kb/coverage-ru\"").And.Contain("<html lang=\"ru\">"));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private async Task<string> LiveLongAnswerAsync(string articleId)
    {
        var article = await Http.GetFromJsonAsync<JsonElement>($"/api/kb/articles/{articleId}");
        return article.GetProperty("live").GetProperty("content").GetProperty("longAnswer").GetString()!;
    }
}

/// <summary>Where article links lead must be an address a customer can open: a wrong one stops the start, naming the setting.</summary>
public class ArticleLinkSettingsTests
{
    [TestCase("help.operator.example")]
    [TestCase("ftp://help.operator.example")]
    public void Start_WithAPublicBaseUrlThatIsNoWebAddress_FailsNamingTheSetting(string value)
    {
        using var gateway = new GatewayFactory(new Dictionary<string, string?> { ["Commands:PublicBaseUrl"] = value });

        var error = Assert.Catch(() => gateway.CreateAnonymousClient().Dispose());

        Assert.That(error!.ToString(), Does.Contain("Commands:PublicBaseUrl must be an absolute http(s) address"));
    }
}
