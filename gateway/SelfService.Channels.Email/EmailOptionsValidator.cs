using Microsoft.Extensions.Options;
using MimeKit;

namespace SelfService.Channels.Email;

/// <summary>Checks the "Channels:Email" settings on start and names every bad one, so a typo stops the gateway with a reason.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private const string Prefix = EmailOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!IsAddress(options.Address)) problems.Add($"{Prefix}Address must be an email address (got '{options.Address}')");
        if (string.IsNullOrWhiteSpace(options.DisplayName)) problems.Add($"{Prefix}DisplayName must not be empty");
        if (options.MaxMessageSize < 1024) problems.Add($"{Prefix}MaxMessageSize must be at least 1024 bytes (got {options.MaxMessageSize})");

        var imap = options.Imap;
        CheckServer(problems, "Imap", imap.Host, imap.Port, imap.Security, imap.UserName, imap.Password);
        if (string.IsNullOrWhiteSpace(imap.UserName)) problems.Add($"{Prefix}Imap:UserName must name the mailbox account");
        if (string.IsNullOrWhiteSpace(imap.Folder)) problems.Add($"{Prefix}Imap:Folder must name the folder mail arrives in (e.g. INBOX)");
        if (string.Equals(imap.ProcessedFolder, imap.Folder, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{Prefix}Imap:ProcessedFolder must differ from Imap:Folder (or be empty to flag messages instead)");
        if (imap.PollInterval <= TimeSpan.Zero) problems.Add($"{Prefix}Imap:PollInterval must be positive");
        if (imap.IdleRefresh <= TimeSpan.Zero || imap.IdleRefresh >= TimeSpan.FromMinutes(29))
            problems.Add($"{Prefix}Imap:IdleRefresh must be between 0 and 29 minutes (RFC 2177), got {imap.IdleRefresh}");
        if (imap.ReconnectMinDelay <= TimeSpan.Zero) problems.Add($"{Prefix}Imap:ReconnectMinDelay must be positive");
        if (imap.ReconnectMaxDelay < imap.ReconnectMinDelay) problems.Add($"{Prefix}Imap:ReconnectMaxDelay must not be less than Imap:ReconnectMinDelay");

        var smtp = options.Smtp;
        CheckServer(problems, "Smtp", smtp.Host, smtp.Port, smtp.Security, smtp.UserName, smtp.Password);
        if (smtp.Timeout <= TimeSpan.Zero) problems.Add($"{Prefix}Smtp:Timeout must be positive");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckServer(List<string> problems, string part, string host, int port, MailSecurity security, string userName, string password)
    {
        if (string.IsNullOrWhiteSpace(host)) problems.Add($"{Prefix}{part}:Host must name the mail server");
        if (port is < 1 or > 65535) problems.Add($"{Prefix}{part}:Port must be between 1 and 65535 (got {port})");
        if (!Enum.IsDefined(security)) problems.Add($"{Prefix}{part}:Security must be None, StartTls, SslOnConnect or Auto");
        if (!string.IsNullOrEmpty(userName) && string.IsNullOrEmpty(password)) problems.Add($"{Prefix}{part}:Password is missing for {part}:UserName '{userName}'");
    }

    internal static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@') && address.Address == text.Trim();
}
