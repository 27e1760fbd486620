namespace SelfService.Channels.Email.Outbound;

/// <summary>A mail the gateway is about to send, before it becomes MIME.</summary>
/// <param name="MessageId">Its own Message-ID, without angle brackets: derived from the outbox id, so a resend has the same.</param>
/// <param name="To">The customer's address.</param>
/// <param name="Subject">"Re: " and the customer's subject.</param>
/// <param name="InReplyTo">The customer's Message-ID, if the mail had one.</param>
/// <param name="References">The thread so far, oldest first, ending with <paramref name="InReplyTo"/>.</param>
/// <param name="Markdown">The answer.</param>
/// <param name="Choices">Answers the customer may give next (ДА / НЕТ), listed under the answer.</param>
/// <param name="Language">ru or en: the words the channel adds are in it.</param>
/// <param name="Note">A note from the channel (attachments were not read), or null.</param>
/// <param name="UnsubscribeUrl">A campaign mail's one-click unsubscribe address: List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).</param>
internal sealed record ReplyDraft(
    string MessageId,
    string To,
    string Subject,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string Markdown,
    IReadOnlyList<string> Choices,
    string Language,
    string? Note,
    string? UnsubscribeUrl = null);
