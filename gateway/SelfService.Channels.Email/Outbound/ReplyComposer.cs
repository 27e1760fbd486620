using System.Net;
using System.Text;
using MimeKit;
using SelfService.Channels.Email.Inbound;
using SelfService.Channels.Text;

namespace SelfService.Channels.Email.Outbound;

/// <summary>
/// Builds the reply mail: From the special address, threaded under the customer's mail (RFC 5322 section 3.6.4),
/// a text/plain part (the Markdown as written, readable as it is) and a text/html part rendered from it.
/// It says it is automatic (Auto-Submitted, RFC 3834), so that other robots do not answer it.
/// </summary>
internal static class ReplyComposer
{
    public static MimeMessage Compose(ReplyDraft draft, EmailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            MessageId = draft.MessageId,
            Subject = draft.Subject,
            Date = now,
        };
        message.From.Add(new MailboxAddress(options.DisplayName, options.Address));
        message.To.Add(MailboxAddress.Parse(draft.To));
        if (draft.InReplyTo is not null) message.InReplyTo = draft.InReplyTo;
        foreach (var reference in draft.References) message.References.Add(reference);
        if (draft.UnsubscribeUrl is { } unsubscribe)
        {
            // A campaign, not a reply (RFC 3834: auto-generated); its one-click unsubscribe (RFC 8058 section 3.1): the
            // mail client POSTs "List-Unsubscribe=One-Click" to the HTTPS address, which needs no other proof.
            message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");
            message.Headers.Add(HeaderId.ListUnsubscribe, "<" + unsubscribe + ">");
            message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        }
        else message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        // Exchange and Outlook: no out-of-office or other automatic answer to this mail.
        message.Headers.Add("X-Auto-Response-Suppress", "All");

        var extras = new List<string>();
        if (draft.Choices.Count > 0) extras.Add(EmailTexts.ReplyWith(draft.Language, draft.Choices));
        if (draft.Note is not null) extras.Add(draft.Note);

        var builder = new BodyBuilder
        {
            TextBody = string.Join("\n\n", extras.Prepend(draft.Markdown.Trim())) + "\n",
            HtmlBody = Html(draft, extras),
        };
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The subject of a reply: the customer's with one "Re: " before it.</summary>
    public static string Subject(string? original, string fallback)
    {
        var subject = (original ?? "").Trim();
        if (subject.Length == 0) return fallback;
        return InboundMailReader.IsReplySubject(subject) ? subject : "Re: " + subject;
    }

    private static string Html(ReplyDraft draft, IReadOnlyList<string> extras)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(draft.Language == "ru" ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\"></head><body>\n");
        html.Append(MarkdownHtml.ToHtml(draft.Markdown));
        foreach (var extra in extras) html.Append("<p>").Append(WebUtility.HtmlEncode(extra)).Append("</p>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }
}
