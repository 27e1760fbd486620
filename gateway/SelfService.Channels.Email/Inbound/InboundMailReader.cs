using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;
using SelfService.ActionCodes;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// Turns a customer's mail into what the gateway acts on. The subject is the command when it is one ("BAL",
/// "LINK +7..."); a reply's subject ("Re: ...") never is. Otherwise the body speaks: its first line when that is a
/// command, a menu number or a code, else the whole of what the customer wrote (a question may take several lines).
/// A subject that is not a command still serves as the question when the body says nothing.
/// </summary>
internal sealed partial class InboundMailReader(ActionCatalogue catalogue)
{
    // Message-IDs are meant to be short; an absurd one is hashed rather than stored as a key.
    private const int MaxMessageIdLength = 250;

    private readonly ActionCodeParser _parser = new(catalogue);

    /// <summary>The mail as the gateway reads it; null when it names no sender to answer.</summary>
    public InboundMail? Read(MimeMessage message, ReadOnlySpan<byte> raw)
    {
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(sender) || !sender.Contains('@')) return null;

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId.Length > MaxMessageIdLength ? null : message.MessageId.Trim();
        var channelMessageId = messageId ?? "sha256:" + Convert.ToHexString(SHA256.HashData(raw));
        var references = message.References.Where(r => r.Length <= MaxMessageIdLength).ToList();
        var sessionId = references.FirstOrDefault() ?? NullIfEmpty(message.InReplyTo) ?? channelMessageId;

        var subject = (message.Subject ?? "").Trim();
        var body = MailBodyText.MeaningfulLines(BodyOf(message));
        var text = ChooseText(subject, body);
        var language = TextLanguage.Detect(subject + "\n" + string.Join('\n', body));
        return new InboundMail(channelMessageId, messageId, sender, subject, text, sessionId, references, HasAttachments(message), language);
    }

    internal string ChooseText(string subject, IReadOnlyList<string> body)
    {
        var subjectCommand = IsReplySubject(subject) ? "" : subject;
        if (subjectCommand.Length > 0 && IsCommand(subjectCommand)) return subjectCommand;
        if (body.Count > 0) return IsCommand(body[0]) || IsCode(body[0]) ? body[0] : string.Join('\n', body);
        return subjectCommand;
    }

    private bool IsCommand(string text) => _parser.Parse(text) is ActionCodeInput or MenuChoiceInput;

    /// <summary>A one-time code typed on its own ("123 456").</summary>
    private static bool IsCode(string line) =>
        line.Count(char.IsAsciiDigit) is >= 4 and <= 8 && line.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');

    internal static bool IsReplySubject(string subject) => ReplyPrefix().IsMatch(subject);

    /// <summary>The plain-text body, or the text of the HTML body when the mail has only that.</summary>
    private static string BodyOf(MimeMessage message)
    {
        if (message.TextBody is { } text) return text;
        return message.HtmlBody is { } html ? HtmlText.ToText(html) : "";
    }

    /// <summary>Anything beyond the text: files, images, forwarded mails.</summary>
    private static bool HasAttachments(MimeMessage message) =>
        message.BodyParts.Any(part => part.IsAttachment || part is not TextPart);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\s*(re|fwd?|aw|wg|sv|vs|ответ|отв|пересл)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
