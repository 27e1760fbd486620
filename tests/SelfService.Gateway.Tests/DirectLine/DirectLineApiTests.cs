using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SelfService.Gateway.Tests.DirectLine;

/// <summary>The Direct Line 3.0 REST surface on the real gateway: tokens, conversations, activities, upload, and bad input.</summary>
public class DirectLineApiTests : DirectLineGatewayTest
{
    [Test]
    public async Task TokensGenerate_WithTheSecret_GivesATokenForANewConversation()
    {
        using var response = await SendAsync(HttpMethod.Post, "/tokens/generate", Secret);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.GetProperty("conversationId").GetString(), Has.Length.EqualTo(32));
        Assert.That(json.GetProperty("expires_in").GetInt32(), Is.EqualTo(1800));
    }

    [Test]
    public async Task TokensGenerate_WithAToken_IsForbidden()
    {
        var (_, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Post, "/tokens/generate", token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task TokensRefresh_GivesANewTokenForTheSameConversation()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var refreshed = json.GetProperty("token").GetString()!;

        Assert.That(json.GetProperty("conversationId").GetString(), Is.EqualTo(conversationId));
        Assert.That(refreshed, Is.Not.EqualTo(token));
        using var posted = await PostActivityAsync(conversationId, refreshed, Message("Привет"));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Conversations_WithAToken_StartsTheTokensConversationWithAStreamUrl()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Post, "/conversations", token);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(json.GetProperty("conversationId").GetString(), Is.EqualTo(conversationId));
        Assert.That(json.GetProperty("streamUrl").GetString(), Does.StartWith($"ws://{BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?"));
    }

    [Test]
    public async Task Conversations_WithTheSecret_StartsANewOne()
    {
        using var first = await SendAsync(HttpMethod.Post, "/conversations", Secret);
        using var second = await SendAsync(HttpMethod.Post, "/conversations", Secret);
        var ids = new[] { first, second }.Select(r => r.Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("conversationId").GetString());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public async Task Activities_MessageIsEchoedThenAnsweredInMarkdown()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var posted = await PostActivityAsync(conversationId, token, Message("Как пополнить баланс?", "c-1"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await ReplyToAsync(conversationId, token, id);
        var set = await ActivitiesAsync(conversationId, token);
        var echo = set.GetProperty("activities")[0];

        Assert.That(id, Does.StartWith(conversationId + "|"));
        Assert.That((echo.GetProperty("id").GetString(), echo.GetProperty("from").GetProperty("role").GetString()), Is.EqualTo((id, "user")));
        Assert.That(echo.GetProperty("channelData").GetProperty("clientActivityID").GetString(), Is.EqualTo("c-1"));
        Assert.That(reply.GetProperty("textFormat").GetString(), Is.EqualTo("markdown"));
        Assert.That(reply.GetProperty("text").GetString(), Does.Contain("## Как пополнить баланс"));
        Assert.That(set.GetProperty("watermark").GetString(), Is.EqualTo(reply.GetProperty("id").GetString()!.Split('|')[1].TrimStart('0')));
    }

    [Test]
    public async Task Activities_AConfirmation_CarriesItsChoicesAsSuggestedActions()
    {
        var (conversationId, token) = await NewConversationAsync();
        await LinkAsync(conversationId, token, "+79161234567");

        using var posted = await PostActivityAsync(conversationId, token, Message("ВКЛ РОУМИНГ"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await ReplyToAsync(conversationId, token, id);
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("type").GetString(), a.GetProperty("value").GetString())).ToList();

        Assert.That(actions, Is.EqualTo(new[] { ("imBack", "ДА"), ("imBack", "НЕТ") }));
    }

    /// <summary>Issue 12: the one short question for an unclear request comes with its choices as suggested actions.</summary>
    [Test]
    public async Task Activities_AnUnclearRequest_CarriesTheQuestionsChoicesAsSuggestedActions()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var posted = await PostActivityAsync(conversationId, token, Message("отключите пакет пожалуйста"));
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var reply = await ReplyToAsync(conversationId, token, id);
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("type").GetString(), a.GetProperty("value").GetString())).ToList();

        Assert.That(actions, Is.SupersetOf(new[] { ("imBack", "Отключить «Пакет 300 SMS»"), ("imBack", "Отключить «Мобильный интернет 10 ГБ»") }));
    }

    [Test]
    public async Task Activities_SameClientActivityIdTwice_OneMessageOneEchoOneReply()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var first = await PostActivityAsync(conversationId, token, Message("Как пополнить баланс?", "same"));
        using var again = await PostActivityAsync(conversationId, token, Message("Как пополнить баланс?", "same"));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ReplyToAsync(conversationId, token, id);
        using var marker = await PostActivityAsync(conversationId, token, Message("Как подключить роуминг?"));
        await ReplyToAsync(conversationId, token, (await marker.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var activities = (await ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray().ToList();

        Assert.That((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(activities.Count(a => a.GetProperty("text").GetString() == "Как пополнить баланс?"), Is.EqualTo(1));
        Assert.That(activities.Count(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id), Is.EqualTo(1));
    }

    [Test]
    public async Task Activities_AfterAWatermark_OnlyWhatCameLater()
    {
        var (conversationId, token) = await NewConversationAsync();
        using var first = await PostActivityAsync(conversationId, token, Message("Как пополнить баланс?"));
        await ReplyToAsync(conversationId, token, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var watermark = (await ActivitiesAsync(conversationId, token)).GetProperty("watermark").GetString()!;

        using var second = await PostActivityAsync(conversationId, token, Message("Как подключить роуминг?"));
        var later = (await ActivitiesAsync(conversationId, token, watermark)).GetProperty("activities").EnumerateArray().ToList();

        Assert.That(later.First().GetProperty("text").GetString(), Is.EqualTo("Как подключить роуминг?"));
        Assert.That(later.All(a => long.Parse(a.GetProperty("id").GetString()!.Split('|')[1]) > long.Parse(watermark)), Is.True);
    }

    [Test]
    public async Task Activities_NonMessageTypes_AreAcknowledgedNotKept()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var typing = await PostActivityAsync(conversationId, token, new { type = "typing", from = new { id = "u" } });
        using var @event = await PostActivityAsync(conversationId, token, new { type = "event", name = "webchat/join", from = new { id = "u" } });

        Assert.That((typing.StatusCode, @event.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That((await ActivitiesAsync(conversationId, token)).GetProperty("activities").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Activities_NoToken_Forbidden()
    {
        var (conversationId, _) = await NewConversationAsync();

        using var response = await PostActivityAsync(conversationId, null, Message("BAL"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Activities_ForgedToken_Forbidden()
    {
        var (conversationId, token) = await NewConversationAsync();
        var forged = token[..^4] + (token[^4] == 'x' ? "yyyy" : "xxxx");

        using var post = await PostActivityAsync(conversationId, forged, Message("BAL"));
        using var get = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", forged);

        Assert.That((post.StatusCode, get.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    [Test]
    public async Task Activities_ExpiredToken_ForbiddenAsExpired()
    {
        var (conversationId, _) = await NewConversationAsync();
        var expired = ExpiredToken(conversationId);

        using var post = await PostActivityAsync(conversationId, expired, Message("BAL"));
        using var refresh = await SendAsync(HttpMethod.Post, "/tokens/refresh", expired);
        var error = await post.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That((post.StatusCode, refresh.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
        Assert.That(error.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("TokenExpired"));
    }

    [Test]
    public async Task Activities_AnotherConversationsToken_Forbidden()
    {
        var (conversationId, _) = await NewConversationAsync();
        var (_, otherToken) = await NewConversationAsync();

        using var response = await PostActivityAsync(conversationId, otherToken, Message("BAL"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Activities_UnknownConversation_NotFound()
    {
        using var post = await PostActivityAsync("0123456789abcdef0123456789abcdef", Secret, Message("BAL"));
        using var resume = await SendAsync(HttpMethod.Get, "/conversations/0123456789abcdef0123456789abcdef?watermark=0", Secret);

        Assert.That((post.StatusCode, resume.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [Test]
    public async Task Activities_Oversized_PayloadTooLarge()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await PostActivityAsync(conversationId, token, Message(new string('я', 200 * 1024)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await ActivitiesAsync(conversationId, token)).GetProperty("activities").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Activities_OversizedWithoutContentLength_PayloadTooLarge()
    {
        var (conversationId, token) = await NewConversationAsync();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Message(new string('a', 300 * 1024))));
        using var content = new StreamContent(new ChunkedOnly(body));
        content.Headers.ContentType = new("application/json");

        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, content);

        Assert.That(content.Headers.ContentLength, Is.Null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [TestCase("{\"type\":\"message\",\"text\":", "not a valid Activity")]
    [TestCase("{\"text\":\"BAL\"}", "no \"type\"")]
    [TestCase("{\"type\":\"message\"}", "needs \"text\"")]
    [TestCase("", "empty")]
    public async Task Activities_Malformed_BadRequestWithTheReason(string body, string reason)
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            new StringContent(body, Encoding.UTF8, "application/json"));

        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("BadArgument"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(reason));
    }

    [Test]
    public async Task Activities_BadWatermark_BadRequest()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=abc", token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Upload_WithAFile_TheTextIsAnsweredAndTheBotSaysFilesAreNotReceived()
    {
        var (conversationId, token) = await NewConversationAsync();
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(JsonSerializer.Serialize(Message("Как пополнить баланс?")), Encoding.UTF8);
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity");
        form.Add(new ByteArrayContent(new byte[50_000]), "file", "screenshot.png");

        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/upload?userId=test-user", token, form);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var answers = new List<string>();
        for (var deadline = DateTime.UtcNow.AddSeconds(15); answers.Count < 2 && DateTime.UtcNow < deadline; await Task.Delay(25))
            answers = [.. (await ActivitiesAsync(conversationId, token)).GetProperty("activities").EnumerateArray()
                .Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id).Select(a => a.GetProperty("text").GetString()!)];

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answers, Has.Count.EqualTo(2));
        Assert.That(answers, Has.Some.StartsWith("Файлы здесь не принимаются"));
        Assert.That(answers, Has.Some.StartsWith("## Как пополнить баланс"));
    }

    [Test]
    public async Task Upload_NotMultipart_BadRequest()
    {
        var (conversationId, token) = await NewConversationAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/upload", token, new StringContent("hello"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("multipart/form-data"));
    }

    [Test]
    public async Task Upload_TooLarge_PayloadTooLarge()
    {
        var (conversationId, token) = await NewConversationAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[5 * 1024 * 1024]), "file", "big.bin" } };

        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/upload", token, form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Customer_LinkedOverDirectLine_HasTheConversationAsAnIdentity()
    {
        var (conversationId, token) = await NewConversationAsync();
        await LinkAsync(conversationId, token, "+79161234567");

        using var posted = await PostActivityAsync(conversationId, token, Message("БАЛАНС"));
        var reply = await ReplyToAsync(conversationId, token, (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var customer = await Http.GetStringAsync($"/api/customers?channel=directline&address={conversationId}");

        Assert.That(reply.GetProperty("text").GetString(), Does.Contain("350"));
        Assert.That(customer, Does.Contain("+79161234567"));
    }

    private async Task LinkAsync(string conversationId, string token, string msisdn)
    {
        using var link = await PostActivityAsync(conversationId, token, Message("ПРИВЯЗАТЬ " + msisdn));
        await ReplyToAsync(conversationId, token, (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var code = await Infrastructure.OneTimeCodes.ReadAsync(Http, msisdn);
        using var sent = await PostActivityAsync(conversationId, token, Message(code));
        var linked = await ReplyToAsync(conversationId, token, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.That(linked.GetProperty("text").GetString(), Does.Contain("привязан"));
    }

    /// <summary>A body of unknown length, so HttpClient sends it chunked, without Content-Length.</summary>
    private sealed class ChunkedOnly(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
