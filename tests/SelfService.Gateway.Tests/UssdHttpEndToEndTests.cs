using System.Net;
using SelfService.Gateway.Tests.Infrastructure;

namespace SelfService.Gateway.Tests;

/// <summary>USSD over HTTP, as an aggregator calls it: form posts with cumulative text, CON/END answers.</summary>
public class UssdHttpEndToEndTests : LoopbackGatewayTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Channels:Ussd:HttpEnabled"] = "true", ["Channels:Ussd:ApiKey"] = "aggregator-secret" };

    [Test]
    public async Task MenuSession_ThreeSteps_ActivatesWithConfirmation()
    {
        Assert.That(await CallAsync("s1", ""), Is.EqualTo("CON Северный Телеком\n1.Баланс\n2.Услуги\n3.Подключить\n4.Отключить\n5.Оператор"));
        Assert.That(await CallAsync("s1", "3"), Does.StartWith("CON Подключить\n1.Роуминг\n2.Интернет 10 ГБ"));
        var confirm = await CallAsync("s1", "3*3");
        Assert.That(confirm, Does.StartWith("CON Подключить «Пакет 300 SMS»?"));
        Assert.That(confirm, Does.EndWith("\n1. ДА\n2. НЕТ"));
        Assert.That(await CallAsync("s1", "3*3*1"), Is.EqualTo("END Услуга «Пакет 300 SMS» подключена. Списано 50,00 RUB. Баланс: 300,00 RUB."));
    }

    [Test]
    public async Task Session_BackAndBalance_EndsWithTheAnswer()
    {
        await CallAsync("s2", "");
        await CallAsync("s2", "4");
        Assert.That(await CallAsync("s2", "4*0"), Does.StartWith("CON Северный Телеком"));
        Assert.That(await CallAsync("s2", "4*0*1"), Is.EqualTo("END Баланс: 350,00 RUB. Тариф: Смарт."));
    }

    [Test]
    public async Task Redelivery_SameStep_GetsTheSameAnswerAndRunsOnce()
    {
        await CallAsync("s3", "");
        await CallAsync("s3", "3");
        await CallAsync("s3", "3*3");
        var first = await CallAsync("s3", "3*3*1");
        var again = await CallAsync("s3", "3*3*1");

        Assert.That(again, Is.EqualTo(first));
        Assert.That(first, Does.Contain("Баланс: 300,00 RUB"), "charged once");
    }

    [Test]
    public async Task BadRequests_AreRefusedWithAReason()
    {
        using var noKey = await PostAsync(new() { ["sessionId"] = "x", ["phoneNumber"] = "+79161234567", ["serviceCode"] = "*100#", ["text"] = "" }, key: null);
        Assert.That(noKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var badPhone = await PostAsync(new() { ["sessionId"] = "x", ["phoneNumber"] = "hello", ["serviceCode"] = "*100#", ["text"] = "" });
        Assert.That(badPhone.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badPhone.Content.ReadAsStringAsync(), Is.EqualTo("END Bad request: phoneNumber is not a phone number"));

        using var json = new HttpRequestMessage(HttpMethod.Post, "/api/ussd/callback?key=aggregator-secret") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        using var jsonResponse = await Http.SendAsync(json);
        Assert.That(jsonResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<string> CallAsync(string sessionId, string text, string phone = "+79161234567")
    {
        using var response = await PostAsync(new() { ["sessionId"] = sessionId, ["serviceCode"] = "*100#", ["phoneNumber"] = phone, ["networkCode"] = "25001", ["text"] = text });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form, string? key = "aggregator-secret")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ussd/callback") { Content = new FormUrlEncodedContent(form) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await Http.SendAsync(request);
    }
}
