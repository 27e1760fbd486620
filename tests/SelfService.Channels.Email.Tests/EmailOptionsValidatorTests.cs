namespace SelfService.Channels.Email.Tests;

public class EmailOptionsValidatorTests
{
    [Test]
    public void Validate_Disabled_AnythingGoes() =>
        Assert.That(new EmailOptionsValidator().Validate(null, new EmailOptions()).Succeeded, Is.True);

    [Test]
    public void Validate_Good_Succeeds() =>
        Assert.That(new EmailOptionsValidator().Validate(null, Good()).Succeeded, Is.True, string.Join("; ", new EmailOptionsValidator().Validate(null, Good()).Failures ?? []));

    [Test]
    public void Validate_BadSettings_NamesEachOne()
    {
        var options = Good();
        options.Address = "not an address";
        options.Imap.Host = "";
        options.Imap.Port = 0;
        options.Imap.UserName = "";
        options.Imap.IdleRefresh = TimeSpan.FromMinutes(30);
        options.Imap.ProcessedFolder = "inbox";
        options.Imap.ReconnectMaxDelay = TimeSpan.FromMilliseconds(1);
        options.Smtp.Port = 70000;
        options.Smtp.Password = "";
        options.Smtp.Security = (MailSecurity)42;
        options.MaxMessageSize = 0;

        var failures = new EmailOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var setting in new[]
        {
            "Channels:Email:Address", "Channels:Email:Imap:Host", "Channels:Email:Imap:Port", "Channels:Email:Imap:UserName",
            "Channels:Email:Imap:IdleRefresh", "Channels:Email:Imap:ProcessedFolder", "Channels:Email:Imap:ReconnectMaxDelay",
            "Channels:Email:Smtp:Port", "Channels:Email:Smtp:Password", "Channels:Email:Smtp:Security", "Channels:Email:MaxMessageSize",
        })
        {
            Assert.That(failures, Has.Some.StartsWith(setting), setting);
        }
    }

    private static EmailOptions Good() => new()
    {
        Enabled = true,
        Address = "selfservice@gateway.test",
        Imap = { Host = "127.0.0.1", UserName = "selfservice@gateway.test", Password = "x" },
        Smtp = { Host = "127.0.0.1", UserName = "selfservice@gateway.test", Password = "x" },
    };
}
