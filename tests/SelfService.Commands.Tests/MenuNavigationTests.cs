using SelfService.Channels;
using SelfService.Messaging;
using SelfService.Provisioning;

namespace SelfService.Commands.Tests;

/// <summary>Menus from menus.json, walked with digits, as on USSD (and MENU on any channel).</summary>
public class MenuNavigationTests
{
    private const string Ivan = "+79161234567";
    private static readonly ChannelProfile Ussd = new(ChannelNames.Ussd, ReplyForm.Ussd, 1, SenderIsMsisdn: true);
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    [Test]
    public async Task ServiceCode_OpensTheMenuWithNumberedItems()
    {
        var outcome = await _harness.SendAsync(Ussd, Ivan, "*100#");
        var reply = outcome.Replies.Single().Reply;

        Assert.That(reply.Short, Is.EqualTo("Северный Телеком\n1.Баланс\n2.Услуги\n3.Подключить\n4.Отключить\n5.Оператор"));
        Assert.That(ReplySizer.Fit(reply, Ussd), Is.EqualTo(reply.Short), "fits one USSD string as it is");
    }

    [Test]
    public async Task ThreeSteps_MenuSubmenuConfirm_Activates()
    {
        await _harness.SendAsync(Ussd, Ivan, "*100#");
        var submenu = await _harness.ReplyAsync(Ussd, Ivan, "3");
        Assert.That(submenu, Does.StartWith("Подключить\n1.Роуминг"));

        var confirm = (await _harness.SendAsync(Ussd, Ivan, "1")).Replies.Single().Reply;
        Assert.That(confirm.Choices, Is.EqualTo(new[] { "ДА", "НЕТ" }));
        Assert.That(ReplySizer.Fit(confirm, Ussd), Does.EndWith("\n1. ДА\n2. НЕТ"));

        var done = await _harness.ReplyAsync(Ussd, Ivan, "1");
        Assert.That(done, Does.StartWith("Услуга «Роуминг» подключена"));
        var account = await _harness.Get<IProvisioningBackend>().FindSubscriberAsync(Ivan, CancellationToken.None);
        Assert.That(account!.Services.Any(s => s.Code == "ROAMING" && s.State == ServiceState.Active), Is.True);
    }

    [Test]
    public async Task Zero_GoesBack_AndDoubleZero_Ends()
    {
        await _harness.SendAsync(Ussd, Ivan, "*100#");
        await _harness.SendAsync(Ussd, Ivan, "4");

        Assert.That(await _harness.ReplyAsync(Ussd, Ivan, "0"), Does.StartWith("Северный Телеком\n1.Баланс"));
        Assert.That(await _harness.ReplyAsync(Ussd, Ivan, "1"), Does.StartWith("Баланс: 350,00 RUB"));

        await _harness.SendAsync(Ussd, Ivan, "*100#");
        var end = (await _harness.SendAsync(Ussd, Ivan, "00")).Replies.Single().Reply;
        Assert.That(end.Short, Is.EqualTo("Спасибо! До свидания."));
        Assert.That(end.Choices, Is.Null, "no choices: the session ends");
    }

    [Test]
    public async Task Choices_AfterTheSessionTimedOut_AreForgotten()
    {
        await _harness.SendAsync(Ussd, Ivan, "*100#");
        _harness.Time.Advance(TimeSpan.FromMinutes(6));

        var outcome = await _harness.SendAsync(Ussd, Ivan, "1");

        Assert.That(outcome.Replies.Single().Reply.Short, Does.Not.StartWith("Баланс"));
    }

    [Test]
    public async Task Menu_OnWebChat_OffersButtonsByLabel()
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Web, "conversation-7", "МЕНЮ");
        var reply = outcome.Replies.Single().Reply;
        Assert.That(reply.Choices, Is.EqualTo(new[] { "Баланс", "Услуги", "Подключить", "Отключить", "Оператор" }));

        var picked = await _harness.ReplyAsync(ProcessorHarness.Web, "conversation-7", "Оператор");

        Assert.That(picked, Does.StartWith("Вам ответит оператор"));
    }

    [Test]
    public async Task Confirmation_ByDigitOnSms_Works()
    {
        await _harness.SendAsync(ProcessorHarness.Sms, Ivan, "ВКЛ ГУДОК");

        var reply = await _harness.ReplyAsync(ProcessorHarness.Sms, Ivan, "2");

        Assert.That(reply, Is.EqualTo("Отменено. Ничего не изменено."));
    }
}
