using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;
using SelfService.Testing.Peers.Mail;

namespace SelfService.Gateway.Tests.Email;

/// <summary>
/// A real mail server (Dovecot and Postfix, <see cref="MailPeers"/>) and the real gateway reading the special
/// mailbox over IMAP and answering over SMTP, per test. Customers are mailboxes at customers.test.
/// </summary>
public abstract class EmailGatewayTest
{
    protected const string SpecialAddress = "selfservice@gateway.test";
    protected const string ProcessedKeyword = "SelfServiceProcessed";
    protected static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    private readonly TemporaryFolder _storage = new();
    private GatewayFactory? _gateway;

    protected MailPeers Mail { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected MailUser Anna { get; private set; } = null!;
    protected MailUser Boris { get; private set; } = null!;
    protected MailUser Carol { get; private set; } = null!;

    /// <summary>The special mailbox as a person would open it, to see what the gateway marked.</summary>
    protected MailUser Special { get; private set; } = null!;

    /// <summary>False: the mail server announces no IDLE, so the gateway must poll.</summary>
    protected virtual bool ServerHasIdle => true;

    /// <summary>Settings over the ones every email test uses.</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    [SetUp]
    public async Task StartPeersAndGateway()
    {
        var options = new MailPeersOptions { Idle = ServerHasIdle };
        foreach (var account in new[]
        {
            new MailAccount(SpecialAddress, "gateway-secret"), new MailAccount("anna@customers.test", "anna-secret"),
            new MailAccount("boris@customers.test", "boris-secret"), new MailAccount("carol@customers.test", "carol-secret"),
        }) options.Accounts.Add(account);
        Mail = await MailPeers.StartAsync(options);
        Special = new MailUser(Mail, Mail.Account(SpecialAddress));
        Anna = new MailUser(Mail, Mail.Account("anna@customers.test"));
        Boris = new MailUser(Mail, Mail.Account("boris@customers.test"));
        Carol = new MailUser(Mail, Mail.Account("carol@customers.test"));
        await StartGatewayAsync();
    }

    [TearDown]
    public async Task StopPeersAndGateway()
    {
        StopGateway();
        await Mail.DisposeAsync();
        _storage.Dispose();
    }

    /// <summary>Starts the gateway on this test's database (kept across restarts).</summary>
    protected async Task StartGatewayAsync()
    {
        var port = (int p) => p.ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabaseFile"] = _storage.File("gateway.db"),
            ["AccessPolicies:MessagesPerMinute"] = "1000",
            ["Channels:Email:Enabled"] = "true",
            ["Channels:Email:Address"] = SpecialAddress,
            ["Channels:Email:DisplayName"] = "Northern Telecom",
            ["Channels:Email:MaxMessageSize"] = (5 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Channels:Email:Imap:Host"] = Mail.Host,
            ["Channels:Email:Imap:Port"] = port(Mail.ImapPort),
            ["Channels:Email:Imap:Security"] = "None",
            ["Channels:Email:Imap:UserName"] = SpecialAddress,
            ["Channels:Email:Imap:Password"] = "gateway-secret",
            ["Channels:Email:Imap:PollInterval"] = "00:00:00.300",
            ["Channels:Email:Imap:ReconnectMinDelay"] = "00:00:00.200",
            ["Channels:Email:Imap:ReconnectMaxDelay"] = "00:00:01",
            ["Channels:Email:Smtp:Host"] = Mail.Host,
            ["Channels:Email:Smtp:Port"] = port(Mail.SmtpPort),
            ["Channels:Email:Smtp:Security"] = "None",
            ["Channels:Email:Smtp:UserName"] = SpecialAddress,
            ["Channels:Email:Smtp:Password"] = "gateway-secret",
        };
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        _gateway = new GatewayFactory(settings);
        Http = await _gateway.CreateLoopbackClientAsync();
    }

    /// <summary>A client with no sign-in, as a customer's mail client is.</summary>
    protected HttpClient CreateAnonymousClient() => _gateway!.CreateAnonymousClient();

    protected void StopGateway()
    {
        Http?.Dispose();
        _gateway?.Dispose();
        _gateway = null;
    }

    /// <summary>Sends a mail from the customer to the special address and returns the reply the gateway threads under it.</summary>
    protected async Task<MimeKit.MimeMessage> AskAsync(MailUser customer, string subject, string body = "")
    {
        var messageId = await customer.SendAsync(customer.Compose(SpecialAddress, subject, body));
        return await customer.WaitForReplyToAsync(messageId, ReplyTimeout);
    }

    /// <summary>Waits until the gateway has marked the mail with this Message-ID processed in the special mailbox.</summary>
    protected async Task<ReceivedMail> WaitUntilProcessedAsync(string messageId) =>
        await Special.WaitForAsync(m => m.Message.MessageId == messageId && m.Keywords.Contains(ProcessedKeyword), ReplyTimeout);

    /// <summary>What the outbox holds for an address on the email channel.</summary>
    protected async Task<IReadOnlyList<JsonElement>> OutboxForAsync(string address) =>
        [.. (await Http.GetFromJsonAsync<JsonElement>($"/api/outbox?channel=email&address={Uri.EscapeDataString(address)}")).EnumerateArray()];
}
