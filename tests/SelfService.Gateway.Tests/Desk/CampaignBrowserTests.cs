using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;
using SelfService.Testing.Browser;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests.Desk;

/// <summary>
/// The campaign managers' pages in Chromium on a gateway bound to the SMSC peer (npm smpp): a segment built and counted,
/// a survey built question by question and previewed, launched through the confirmation, its progress followed live to
/// "sent" and to "delivered" (from the SMSC's receipts), answered by SMS, and read as a chart; the dashboard shows the
/// campaign's messages apart from the replies. And what the pages refuse.
/// </summary>
[NonParallelizable] // paces a campaign: measured alone (see ParallelFixtures.cs)
public class CampaignBrowserTests : SmsDeskBrowserTest
{
    private const string Password = "campaign password 1";
    private const int Recipients = 4;

    protected override void Configure(Dictionary<string, string?> settings) =>
        // The synthetic subscribers are +79000000000, +79000000001...: the segment is the +7900 region.
        settings["Samples:SyntheticSubscribers"] = Recipients.ToString(CultureInfo.InvariantCulture);

    private static string Number(int i) => "7900" + i.ToString("D7", CultureInfo.InvariantCulture);

    [Test]
    public async Task Manager_BuildsASegment_Launches_WatchesProgress_ReadsTheSurveyChart()
    {
        await CreateStaffAsync("marina", Password, StaffRoles.CampaignManager, "Марина");
        var page = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(page, "marina", Password, "/staff/campaigns");
        await page.Locator("[data-test=new-campaign]").ClickAsync();

        // The segment: the +7900 region on the SMART tariff; its size, before anything is saved.
        await page.Locator("[data-test=name]").FillAsync("Как мы работаем");
        await page.Locator("[data-test=topic]").SelectOptionAsync("SURVEYS");
        await page.Locator("[data-test=tariffs]").FillAsync("SMART");
        await page.Locator("[data-test=regions]").FillAsync("+7900");
        await page.Locator("[data-test=count]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=audience-size]")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-test=tariffs]").FillAsync("BASIC");
        await page.Locator("[data-test=count]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=audience-size]")).ToHaveTextAsync("0", new() { Timeout = 10_000 });
        await page.Locator("[data-test=tariffs]").FillAsync("SMART");
        await page.Locator("[data-test=count]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=audience-size]")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));

        // The API counts the same segment the same way.
        using (var counted = await Http.PostAsJsonAsync("/api/campaigns/audience-size", new { tariffs = new[] { "SMART" }, numberPrefixes = new[] { "+7900" } }))
            Assert.That((await counted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").GetInt32(), Is.EqualTo(Recipients));

        // The message in both languages, and the survey; the preview per channel counts the SMS parts at their longest.
        await page.Locator("[data-test=text-ru]").FillAsync("{name}, пара секунд о нашей связи.");
        await page.Locator("[data-test=text-en]").FillAsync("{name}, a moment about our network.");
        // The survey, built on the page: one Score5 question in both languages (the SMS numbers nothing, a score; the chart
        // counts the answers per score). A second question added and taken out again leaves the first as it was.
        await page.Locator("[data-test=add-question]").ClickAsync();
        var question = page.Locator("[data-test=question]").First;
        await question.Locator("[data-test=question-id]").FillAsync("score");
        await question.Locator("[data-test=question-kind]").SelectOptionAsync("Score5");
        await question.Locator("[data-test=question-ru]").FillAsync("Оцените нашу связь от 1 до 5");
        await question.Locator("[data-test=question-en]").FillAsync("Rate our network from 1 to 5");
        await page.Locator("[data-test=add-question]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=question]")).ToHaveCountAsync(2);
        await page.Locator("[data-test=question][data-index='1'] [data-test=remove-question]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=question]")).ToHaveCountAsync(1);
        await Assertions.Expect(question.Locator("[data-test=question-ru]")).ToHaveValueAsync("Оцените нашу связь от 1 до 5");
        await Assertions.Expect(page.Locator("[data-test=text-en]")).ToHaveValueAsync("{name}, a moment about our network.");
        await page.Locator("[data-test=pace]").FillAsync("20");
        await page.Locator("[data-test=preview]").ClickAsync();
        var ru = page.Locator(".cm-preview[data-language=ru]");
        await Assertions.Expect(ru.Locator("[data-test=sms-parts]")).ToHaveTextAsync("2");
        await Assertions.Expect(ru.Locator("[data-test=sms-text]")).ToContainTextAsync("Иван Петров, пара секунд о нашей связи.");
        await Assertions.Expect(ru.Locator("[data-test=sms-text]")).ToContainTextAsync("Оцените нашу связь от 1 до 5");
        await Assertions.Expect(ru.Locator(".tg-button")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".cm-preview[data-language=en] [data-test=sms-parts]")).ToHaveTextAsync("1");
        await Chromium.ScreenshotAsync(page, "campaign-new");
        await page.Locator("[data-test=save]").ClickAsync();

        // Launch: the confirmation names the audience and the SMS parts, and nothing goes before it is confirmed.
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("черновик");
        await page.Locator("[data-test=launch]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm-text]"))
            .ToHaveTextAsync($"Отправить {Recipients} получателям? Одно сообщение — до 2 SMS-частей, всего до {2 * Recipients} частей.");
        Assert.That(Smsc.Events("submit_sm").Where(ToRecipient), Is.Empty, "nothing is sent before the launch is confirmed");
        await Chromium.ScreenshotAsync(page, "campaign-confirm");
        await page.Locator("[data-test=confirm-launch]").ClickAsync();

        // Progress, live: every recipient's message sent (the SMSC answered its submit_sm).
        await Assertions.Expect(page.Locator("[data-test=sent]")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("отправлена", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-test=failed]")).ToHaveTextAsync("0");
        var submitted = await Smsc.WaitForCountAsync("submit_sm", 2 * Recipients, ToRecipient, TimeSpan.FromSeconds(15));

        // Delivered, from the SMSC's receipts: a message counts once every one of its parts' receipts said DELIVRD. The
        // first three recipients' handsets got both parts; the fourth's only its first so far.
        var parts = submitted.GroupBy(e => e.StringOf("destination_addr")!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var part in parts.Take(Recipients - 1).SelectMany(g => g).Append(parts[^1].First()))
            await Smsc.ReceiptAsync(new SmscReceipt(part.StringOf("message_id")!));
        await Assertions.Expect(page.Locator("[data-test=delivered]")).ToHaveTextAsync((Recipients - 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 30_000 });

        // Three recipients answer by SMS: two fives and a four. The page's answered count follows, with no reload.
        var answers = new[] { "5", "4", "5" };
        for (var i = 0; i < answers.Length; i++) await Smsc.DeliverAsync(Number(i), SmsGatewaySettings.ShortCode, answers[i]);
        await Assertions.Expect(page.Locator("[data-test=answered]")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, "campaign-progress");

        var campaignId = await page.Locator("#campaign").GetAttributeAsync("data-campaign");

        await page.Locator("[data-test=results-link]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=survey-answered]")).ToHaveTextAsync("3");
        var chart = page.Locator("[data-question=score] [data-test=survey-chart]");
        await Assertions.Expect(chart.Locator("g[data-value='5']")).ToHaveAttributeAsync("data-count", "2");
        await Assertions.Expect(chart.Locator("g[data-value='4']")).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(chart.Locator("g")).ToHaveCountAsync(5, new() { Timeout = 1_000 });   // the whole scale, 1 to 5, read as one
        await Assertions.Expect(chart.Locator("g[data-value='1']")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("[data-question=score]")).ToContainTextAsync("среднее 4.67");
        await Chromium.ScreenshotAsync(page, "survey-results");
        var csv = await page.APIRequest.GetAsync(await page.Locator("[data-test=csv-link]").GetAttributeAsync("href") ?? "");
        Assert.That(csv.Status, Is.EqualTo(200));
        Assert.That(await csv.TextAsync(), Does.Contain("+" + Number(1)).And.Contain(",4"));

        // The list of campaigns: its state and counts.
        await page.GotoAsync("/staff/campaigns");
        var row = page.Locator($"tr[data-campaign='{campaignId}']");
        await Assertions.Expect(row.Locator("[data-test=campaign-state]")).ToHaveTextAsync("отправлена");
        await Assertions.Expect(row.Locator("[data-test=campaign-sent]")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));

        // The dashboard counts the campaign's messages apart from the replies (the survey's thanks).
        await CreateStaffAsync("olga", "supervisor password 1", StaffRoles.Supervisor, "Ольга");
        var supervisor = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(supervisor, "olga", "supervisor password 1", "/staff/dashboard");
        await Assertions.Expect(supervisor.Locator("[data-test=campaign-sent]")).ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(supervisor.Locator("[data-test=replies-sent]")).ToHaveTextAsync("3", new() { Timeout = 10_000 });
        await Assertions.Expect(supervisor.Locator("[data-test=outbound-by-channel] tr[data-channel=sms] [data-test=campaign-sent-channel]"))
            .ToHaveTextAsync(Recipients.ToString(CultureInfo.InvariantCulture));
        await Chromium.ScreenshotAsync(supervisor, "campaign-dashboard");

        // Every step from the pages is in the audit trail, as the API's are.
        var audit = await Http.GetStringAsync("/api/staff/audit?actor=marina");
        Assert.That(audit, Does.Contain("campaign.create").And.Contain("campaign.launch").And.Contain("survey.results").And.Contain("survey.export"));
    }

    [Test]
    public async Task BadInput_ShowsTheBackEndsMessage_AndOtherRolesAreDenied()
    {
        await CreateStaffAsync("marina", Password, StaffRoles.CampaignManager, "Марина");
        var page = await Chromium.NewPageAsync(Http.BaseAddress!, locale: "en-US");
        await StaffBrowser.SignInAsync(page, "marina", Password, "/staff/campaigns/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New campaign");

        // A cron that does not parse and a pace above the bind's: both named, the form kept, no 500.
        await page.Locator("[data-test=name]").FillAsync("Weekly news");
        await page.Locator("[data-test=text-en]").FillAsync("This week's news");
        await page.Locator("[data-test=trigger-cron]").CheckAsync();
        await page.Locator("[data-test=cron]").FillAsync("every monday at ten");
        await page.Locator("[data-test=pace]").FillAsync("500");
        var saved = await page.RunAndWaitForResponseAsync(() => page.Locator("[data-test=save]").ClickAsync(), r => r.Request.Method == "POST");
        Assert.That(saved.Status, Is.EqualTo(200));
        await Assertions.Expect(page.Locator("[data-test=problems]")).ToContainTextAsync("trigger.cron: \"every monday at ten\" is not a Quartz cron expression");
        await Assertions.Expect(page.Locator("[data-test=problems]")).ToContainTextAsync("partsPerSecond: more than 0 and at most 50 SMS parts a second");
        Assert.That(await page.Locator("[data-test=name]").InputValueAsync(), Is.EqualTo("Weekly news"));
        await page.Locator("[data-test=pace]").FillAsync("fast");
        await page.Locator("[data-test=preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=problems]")).ToHaveTextAsync("PartsPerSecond: \"fast\" is not a value this field takes.");

        // Put right, a weekly list campaign: its numbers uploaded (what was refused counted), launched through the
        // confirmation, then paused, resumed and cancelled from the page; each step in the audit trail.
        await page.Locator("[data-test=cron]").FillAsync("0 0 10 ? * MON");
        await page.Locator("[data-test=pace]").FillAsync("5");
        await page.Locator("[data-test=audience-list]").CheckAsync();
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("draft");
        await page.Locator("[data-test=upload-form] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "numbers.csv", MimeType = "text/csv", Buffer = "msisdn\n+79161234567\nnot a number\n+79161234567\n"u8.ToArray(),
        });
        await page.Locator("[data-test=upload]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=upload-result]")).ToContainTextAsync("numbers added: 1; lines refused: 2; repeats: 1.");
        await page.Locator("[data-test=launch]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=confirm-text]")).ToContainTextAsync("Send to 1 recipients?");
        await page.Locator("[data-test=confirm-launch]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("scheduled");
        var campaignId = await page.Locator("#campaign").GetAttributeAsync("data-campaign");
        await page.Locator("[data-test=pause]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("paused");
        await page.Locator("[data-test=resume]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("scheduled");
        await page.Locator("[data-test=cancel]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("cancelled");
        var audit = await Http.GetStringAsync($"/api/staff/audit?subject=campaign:{campaignId}");
        foreach (var action in new[] { "campaign.create", "campaign.numbers", "campaign.launch", "campaign.pause", "campaign.resume", "campaign.cancel" })
            Assert.That(audit, Does.Contain($"\"{action}\""), action);

        // A list campaign with no numbers: the launch says the audience is empty, and it stays a draft.
        await page.GotoAsync("/staff/campaigns/new");
        await page.Locator("[data-test=name]").FillAsync("Nobody");
        await page.Locator("[data-test=text-en]").FillAsync("Hello");
        await page.Locator("[data-test=audience-list]").CheckAsync();
        await page.Locator("[data-test=save]").ClickAsync();
        await page.Locator("[data-test=launch]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=refusal]")).ToHaveTextAsync("the audience is empty: upload the list of numbers first (POST …/numbers)");
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("draft");

        // The language switch from a page a form's answer rendered goes back to the page, now in Russian.
        await page.Locator("header form[action='/staff/language'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=campaign-state]")).ToHaveTextAsync("черновик");

        // An agent signed in gets the Denied page, not the campaigns.
        await CreateStaffAsync("masha", "agent password 1", StaffRoles.Agent, "Маша");
        var agent = await Chromium.NewPageAsync(Http.BaseAddress!);
        await StaffBrowser.SignInAsync(agent, "masha", "agent password 1", "/staff/campaigns");
        await Assertions.Expect(agent.Locator("[data-test=denied]")).ToBeVisibleAsync();
        Assert.That(await agent.Locator("nav a[href='/staff/campaigns']").CountAsync(), Is.Zero);
    }

    private static bool ToRecipient(JsonElement e) => e.StringOf("destination_addr")!.StartsWith("7900", StringComparison.Ordinal);
}
