using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.KnowledgeBase;
using SelfService.Staff;
using SelfService.Storage.Staff;
using SelfService.Testing.Browser;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>
/// The knowledge editors' pages in Chromium on the real gateway: an editor writes, a reviewer publishes, and the
/// customer in the web chat gets the new answer; unanswered questions become articles; roles and escaping hold.
/// </summary>
public class KnowledgeEditorBrowserTests : LoopbackGatewayTest
{
    private const string Password = "knowledge password 1";
    private const string TradeInQuestion = "Можно ли сдать старый телефон по трейд-ин?";
    private const string NotFoundRu = "К сожалению, ответа нет";

    // 97 characters with Cyrillic: UCS-2, over 70, so two parts of up to 67.
    private const string ShortAnswer = "Да, старый телефон можно сдать по трейд-ин в любом салоне связи: скидка до 30% на новый смартфон.";
    private const string LongAnswer = "## Трейд-ин\n\nСдайте **старый телефон** в любом салоне связи и получите скидку до 30% на новый смартфон.";

    [Test]
    public async Task EditorDraftsInRussian_ReviewerPublishes_WebChatAnswersWithIt()
    {
        await CreateStaffAsync("olga", "Ольга", StaffRoles.Editor);
        await CreateStaffAsync("boris", "Борис", StaffRoles.Reviewer);
        var chat = await ChatSession.StartAsync(Gateway.CreateAnonymousClient());
        Assert.That((await chat.AskAsync(TradeInQuestion)).Text, Does.StartWith(NotFoundRu), "nothing answers it before the article");

        await using var chromium = await Chromium.LaunchAsync();
        var editor = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(editor, "olga", Password, "/staff/kb");
        await editor.Locator("[data-test=kb-new]").ClickAsync();
        await editor.Locator("input[name='Form.Id']").FillAsync("trade-in-ru");
        await editor.Locator("select[name='Form.Language']").SelectOptionAsync("ru");
        await editor.Locator("input[name='Form.Title']").FillAsync("Трейд-ин: обмен старого телефона");
        await editor.Locator("input[name='Form.Category']").FillAsync("devices");
        await editor.Locator("textarea[name='Form.Questions']").FillAsync(TradeInQuestion + "\nПринимаете старые телефоны в зачёт нового?");
        await editor.Locator("textarea[name='Form.Keywords']").FillAsync("трейд-ин\nобмен телефона");
        await editor.Locator("textarea[name='Form.ShortAnswer']").FillAsync("Да, сдать телефон можно в салоне.");
        await Assertions.Expect(editor.Locator("[data-test=sms-encoding]")).ToHaveTextAsync("UCS-2");
        await Assertions.Expect(editor.Locator("[data-test=sms-parts]")).ToHaveTextAsync("1");
        await editor.Locator("textarea[name='Form.LongAnswer']").FillAsync(LongAnswer);
        await editor.Locator("[data-test=kb-save]").ClickAsync();
        await Assertions.Expect(editor.Locator("[data-test=kb-notice]")).ToHaveTextAsync("Черновик сохранён (v1).");
        Assert.That(new Uri(editor.Url).AbsolutePath, Is.EqualTo("/staff/kb/edit/trade-in-ru"));

        // The second edit is over one SMS: the live counter, computed by the server as it types, says so.
        await editor.Locator("textarea[name='Form.ShortAnswer']").FillAsync(ShortAnswer);
        await Assertions.Expect(editor.Locator("[data-test=sms-parts]")).ToHaveTextAsync("2");
        await Assertions.Expect(editor.Locator("[data-test=sms-encoding]")).ToHaveTextAsync("UCS-2");
        await Assertions.Expect(editor.Locator("[data-test=sms-counter]")).ToContainTextAsync($"{ShortAnswer.Length} симв.");
        await Assertions.Expect(editor.Locator("[data-test=sms-ucs2]")).ToContainTextAsync("кириллица");
        await Assertions.Expect(editor.Locator("[data-test=telegram-preview] strong")).ToHaveTextAsync("старый телефон");
        await Chromium.ScreenshotAsync(editor, "editor");
        await editor.Locator("[data-test=kb-submit]").ClickAsync();
        await Assertions.Expect(editor.Locator("[data-test=kb-status]")).ToHaveTextAsync("На проверке");
        await Assertions.Expect(editor.Locator("[data-test=kb-locked]")).ToBeVisibleAsync();

        var reviewer = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(reviewer, "boris", Password, "/staff/kb");
        await reviewer.Locator("[data-test=kb-filter-status]").SelectOptionAsync("InReview");
        await reviewer.Locator("form.kb-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("tr[data-article]")).ToHaveCountAsync(1);
        await reviewer.Locator("tr[data-article=trade-in-ru] [data-test=kb-review-link]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-test=kb-comparing]")).ToContainTextAsync("v1");
        var shortAnswerChanges = reviewer.Locator("[data-field=shortAnswer]");
        await Assertions.Expect(shortAnswerChanges.Locator(".del")).ToHaveTextAsync("−Да, сдать телефон можно в салоне.");
        await Assertions.Expect(shortAnswerChanges.Locator(".add")).ToHaveTextAsync("+" + ShortAnswer);
        await Assertions.Expect(reviewer.Locator("[data-field=title].same")).ToHaveCountAsync(1);
        await Chromium.ScreenshotAsync(reviewer, "review");
        await reviewer.Locator("[data-test=kb-publish]").ClickAsync();
        await Assertions.Expect(reviewer.Locator("[data-test=kb-status]")).ToHaveTextAsync("Опубликована");

        var customer = await ChatSession.StartAsync(Gateway.CreateAnonymousClient());
        var answer = await customer.AskAsync(TradeInQuestion);
        Assert.That(answer.Text, Does.Contain("Сдайте **старый телефон** в любом салоне связи"));

        // As a set: the audit trail orders by a time-based id, and the edit and the submit share one request's millisecond.
        var actions = (await Gateway.Services.GetRequiredService<AuditTrail>().RecentAsync(new AuditQuery(20, Subject: "trade-in-ru"), CancellationToken.None)).Select(e => (e.Actor, e.Action));
        Assert.That(actions, Is.EquivalentTo(new[] { ("olga", "kb.create"), ("olga", "kb.edit"), ("olga", "kb.submit"), ("boris", "kb.publish") }));
    }

    [Test]
    public async Task QuestionAskedTwiceWithoutAnswer_IsListedWithCount2_AndCreateArticlePrefillsTheEditor()
    {
        await CreateStaffAsync("olga", "Ольга", StaffRoles.Editor);
        var chat = await ChatSession.StartAsync(Gateway.CreateAnonymousClient());
        Assert.That((await chat.AskAsync("Принимаете старые телефоны по трейд-ин?")).Text, Does.StartWith(NotFoundRu));
        Assert.That((await chat.AskAsync("принимаете ли вы старые телефоны в трейд-ин")).Text, Does.Contain("очереди"), "the second miss goes to an agent");

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "olga", Password, "/staff/kb");
        await page.Locator("[data-test=kb-unanswered]").ClickAsync();
        var group = page.Locator("[data-test=kb-unanswered-group]");
        await Assertions.Expect(group).ToHaveCountAsync(1);
        await Assertions.Expect(group.Locator("[data-test=kb-ask-count]")).ToHaveTextAsync("2");
        await Assertions.Expect(group.Locator("[data-test=kb-typical]")).ToHaveTextAsync("принимаете ли вы старые телефоны в трейд-ин");
        await Assertions.Expect(group).ToContainTextAsync("webchat");

        await group.Locator("[data-test=kb-create-article]").ClickAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/staff/kb/edit"));
        Assert.That(await page.Locator("textarea[name='Form.Questions']").InputValueAsync(),
            Is.EqualTo("принимаете ли вы старые телефоны в трейд-ин\nПринимаете старые телефоны по трейд-ин?"));
        Assert.That(await page.Locator("select[name='Form.Language']").InputValueAsync(), Is.EqualTo("ru"));
        Assert.That(await page.Locator("input[name='Form.Title']").InputValueAsync(), Is.EqualTo("принимаете ли вы старые телефоны в трейд-ин"));
    }

    [Test]
    public async Task EditorWithoutReviewerRole_SeesNoDecision_AndPostingPublishIsForbidden()
    {
        await CreateStaffAsync("olga", "Ольга", StaffRoles.Editor);
        var articles = Gateway.Services.GetRequiredService<ArticleService>();
        await articles.CreateDraftAsync(TradeInContent(), "anna", "trade-in-ru", CancellationToken.None);
        await articles.SubmitAsync("trade-in-ru", "anna", CancellationToken.None);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "olga", Password, "/staff/kb/review/trade-in-ru");
        await Assertions.Expect(page.Locator("[data-test=kb-awaits-reviewer]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-test=kb-publish]")).ToHaveCountAsync(0);

        // A valid antiforgery token of this editor's (from the editor page's form): only the role is missing.
        await page.GotoAsync("/staff/kb/edit");
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const token = document.querySelector('form[data-kb-editor] input[name=__RequestVerificationToken]').value;
              const post = handler => fetch('/staff/kb/review/trade-in-ru?handler=' + handler,
                { method: 'POST', body: new URLSearchParams({ __RequestVerificationToken: token, Comment: 'no' }) }).then(r => r.status);
              return [await post('Publish'), await post('Return')];
            }
            """);

        Assert.That(statuses, Is.EqualTo(new[] { 403, 403 }));
        Assert.That((await articles.GetAsync("trade-in-ru", CancellationToken.None))!.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public async Task ReviewerPublishingTheirOwnText_IsToldWhyNot()
    {
        await CreateStaffAsync("boris", "Борис", StaffRoles.Reviewer);
        var articles = Gateway.Services.GetRequiredService<ArticleService>();
        await articles.CreateDraftAsync(TradeInContent(), "boris", "trade-in-ru", CancellationToken.None);
        await articles.SubmitAsync("trade-in-ru", "boris", CancellationToken.None);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "boris", Password, "/staff/kb/review/trade-in-ru");
        await page.Locator("[data-test=kb-publish]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=kb-problem]")).ToContainTextAsync("they wrote its latest version");
        await Assertions.Expect(page.Locator("[data-test=kb-status]")).ToHaveTextAsync("На проверке");
        Assert.That((await articles.GetAsync("trade-in-ru", CancellationToken.None))!.Status, Is.EqualTo(ArticleStatus.InReview));
    }

    [Test]
    public async Task MarkdownPreview_ShowsHtmlAsText_AndNeverRunsIt()
    {
        await CreateStaffAsync("olga", "Ольга", StaffRoles.Editor);
        const string hostile = "<script>window.kbInjected = 1</script>\n\n**Жирный** [ссылка](javascript:window.kbInjected=2) <img src=x onerror=\"window.kbInjected=3\">";

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "olga", Password, "/staff/kb/edit");
        await page.Locator("input[name='Form.Id']").FillAsync("hostile-ru");
        await page.Locator("input[name='Form.Title']").FillAsync("Проверка");
        await page.Locator("input[name='Form.Category']").FillAsync("test");
        await page.Locator("textarea[name='Form.Questions']").FillAsync("вопрос");
        await page.Locator("textarea[name='Form.ShortAnswer']").FillAsync("Ответ.");
        await page.Locator("textarea[name='Form.LongAnswer']").FillAsync(hostile);
        await AssertShownAsTextAsync(page, "live preview");

        await page.Locator("[data-test=kb-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=kb-notice]")).ToBeVisibleAsync();
        await AssertShownAsTextAsync(page, "rendered by the server with the page");
    }

    [Test]
    public async Task RestoringAnOldVersion_MakesItTheNextDraft_ForReviewAgain()
    {
        await CreateStaffAsync("olga", "Ольга", StaffRoles.Editor);
        var articles = Gateway.Services.GetRequiredService<ArticleService>();
        await articles.CreateDraftAsync(TradeInContent(), "anna", "trade-in-ru", CancellationToken.None);
        await articles.SubmitAsync("trade-in-ru", "anna", CancellationToken.None);
        await articles.ApproveAsync("trade-in-ru", "boris", CancellationToken.None);
        await articles.EditDraftAsync("trade-in-ru", TradeInContent() with { ShortAnswer = "Трейд-ин закрыт." }, "anna", CancellationToken.None);
        await articles.SubmitAsync("trade-in-ru", "anna", CancellationToken.None);
        await articles.ApproveAsync("trade-in-ru", "boris", CancellationToken.None);

        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "olga", Password, "/staff/kb/history/trade-in-ru");
        await Assertions.Expect(page.Locator("tr[data-step=Approved]")).ToHaveCountAsync(2);
        await page.Locator("tr[data-version='1'] [data-test=kb-restore]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=kb-notice]")).ToHaveTextAsync("Текст v1 стал черновиком v3; он снова пройдёт проверку.");
        await Assertions.Expect(page.Locator("[data-test=kb-status]")).ToHaveTextAsync("Черновик");
        Assert.That(await page.Locator("textarea[name='Form.ShortAnswer']").InputValueAsync(), Is.EqualTo(ShortAnswer));
        var article = (await articles.GetAsync("trade-in-ru", CancellationToken.None))!;
        Assert.That((article.Latest.Number, article.Live!.Number), Is.EqualTo((3, 2)), "the published text stays live until the restored one is reviewed");
        Assert.That((await Gateway.Services.GetRequiredService<AuditTrail>().RecentAsync(new AuditQuery(1, Subject: "trade-in-ru"), CancellationToken.None)).Single().Action, Is.EqualTo("kb.restore"));
    }

    private static async Task AssertShownAsTextAsync(IPage page, string when)
    {
        var preview = page.Locator("[data-test=markdown-preview]");
        await Assertions.Expect(preview).ToContainTextAsync("<script>window.kbInjected = 1</script>");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("Жирный");
        Assert.That(await page.Locator("#channel-preview script, #channel-preview img").CountAsync(), Is.Zero, when);
        Assert.That(await preview.Locator("a").GetAttributeAsync("href"), Is.EqualTo("#"), when);
        Assert.That(await page.EvaluateAsync<bool>("() => window.kbInjected === undefined"), Is.True, when);
    }

    private static ArticleContent TradeInContent() => new(
        "ru", "devices", "Трейд-ин", [TradeInQuestion], ["трейд-ин"], ShortAnswer, LongAnswer);

    private Task CreateStaffAsync(string userName, string displayName, params string[] roles) =>
        Gateway.Services.GetRequiredService<StaffAccounts>().CreateAsync(userName, Password, roles, "test", displayName: displayName);
}
