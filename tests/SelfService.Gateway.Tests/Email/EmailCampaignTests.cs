using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests.Email;

/// <summary>
/// An email campaign through Postfix and Dovecot: the mail carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058)
/// with a signed address at the gateway; the one-click POST a mail client sends stops the campaign's topic, in the opt-out
/// trail and the audit trail; a changed link is refused.
/// </summary>
public class EmailCampaignTests : EmailGatewayTest
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Campaigns:Channels:0"] = "sms",
        ["Campaigns:Channels:1"] = "email",
        ["Commands:PublicBaseUrl"] = "https://selfservice.gateway.test",
    };

    [Test]
    public async Task EmailCampaign_CarriesOneClickUnsubscribe_AndThePostStopsTheTopic()
    {
        // Anna's mailbox linked to +79161234567 by the code sent to the phone.
        await AskAsync(Anna, "LINK +79161234567");
        await AskAsync(Anna, "", await OneTimeCodes.ReadAsync(Http, "+79161234567"));

        var created = await Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "Winter roaming", topic = "PROMO", channel = "email", texts = new Dictionary<string, string> { ["ru"] = "{name}, роуминг за полцены." },
            audience = new { kind = "List" }, trigger = new { kind = "Once" },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign").GetProperty("id").GetString()!;
        (await Http.PostAsync($"/api/campaigns/{id}/numbers", new StringContent("+79161234567\n"))).EnsureSuccessStatusCode();
        (await Http.PostAsync($"/api/campaigns/{id}/launch", null)).EnsureSuccessStatusCode();

        var mail = (await Anna.WaitForAsync(m => (m.Message.TextBody ?? "").Contains("роуминг за полцены", StringComparison.Ordinal), ReplyTimeout)).Message;
        Assert.That(mail.Headers[HeaderId.ListUnsubscribePost], Is.EqualTo("List-Unsubscribe=One-Click"));
        Assert.That(mail.Headers[HeaderId.AutoSubmitted], Is.EqualTo("auto-generated"));
        var header = mail.Headers[HeaderId.ListUnsubscribe];
        Assert.That(header, Does.Match("^<https://selfservice\\.gateway\\.test/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>$"));
        var path = new Uri(header.Trim('<', '>')).AbsolutePath;

        // A changed link (another number in it, the old signature) unsubscribes nobody.
        var token = path["/unsubscribe/".Length..];
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id + "\n+79160000001")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var anonymous = CreateAnonymousClient();
        using var refused = await PostOneClickAsync(anonymous, "/unsubscribe/" + forged + token[token.IndexOf('.', StringComparison.Ordinal)..]);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // A GET (a scanner following the link) only shows the button.
        var page = await anonymous.GetStringAsync(path);
        Assert.That(page, Does.Contain("<form method=\"post\""));
        Assert.That(await OptOutsAsync(), Is.Empty);

        using var clicked = await PostOneClickAsync(anonymous, path);
        Assert.That(clicked.StatusCode, Is.EqualTo(HttpStatusCode.OK), await clicked.Content.ReadAsStringAsync());
        using var again = await PostOneClickAsync(anonymous, path);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a second click is fine, and records nothing");

        Assert.That(await OptOutsAsync(), Is.EqualTo(new[] { "PROMO" }));
        var audit = await Http.GetFromJsonAsync<JsonElement>($"/api/staff/audit?subject=campaign:{id}");
        Assert.That(audit.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString())),
            Has.Exactly(1).EqualTo(("optout.one-click", "customer:+79161234567")));
    }

    /// <summary>What a mail client sends for one click (RFC 8058 section 3.2): a form POST with no cookies or credentials.</summary>
    private static async Task<HttpResponseMessage> PostOneClickAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]),
        };
        return await http.SendAsync(request);
    }

    private async Task<IEnumerable<string?>> OptOutsAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/api/opt-outs?msisdn=%2B79161234567")).GetProperty("stopped").EnumerateArray().Select(t => t.GetString()).ToList();
}
