namespace SelfService.Channels.Email.Inbound;

/// <summary>One customer mail as the gateway reads it.</summary>
/// <param name="ChannelMessageId">The Message-ID, or a hash of the raw message when it has none: a redelivery maps to the same.</param>
/// <param name="MessageId">The Message-ID header, if any, for threading the reply.</param>
/// <param name="Sender">The From address, lower-cased.</param>
/// <param name="Subject">The subject as written.</param>
/// <param name="Text">What the gateway acts on: the command or the question, from the subject or the body.</param>
/// <param name="SessionId">The thread's root Message-ID.</param>
/// <param name="References">The References chain of the mail, oldest first.</param>
/// <param name="HasAttachments">Attachments are not read; the reply says so.</param>
/// <param name="Language">ru or en when the mail's words tell, otherwise null.</param>
internal sealed record InboundMail(
    string ChannelMessageId,
    string? MessageId,
    string Sender,
    string Subject,
    string Text,
    string SessionId,
    IReadOnlyList<string> References,
    bool HasAttachments,
    string? Language);
