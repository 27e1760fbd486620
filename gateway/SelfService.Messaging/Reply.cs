namespace SelfService.Messaging;

/// <summary>
/// What the gateway says back, in two forms: <see cref="Short"/> for SMS and USSD (plain text, sized to fit),
/// <see cref="Long"/> for email, web and Telegram (Markdown). <see cref="Choices"/> are the answers the
/// customer may give next (YES/NO, menu items): chat channels show them as buttons, USSD as numbered lines.
/// <see cref="ShortListsChoices"/> is true when <see cref="Short"/> already numbers them (a menu), so SMS and USSD
/// can show it as it is.
/// </summary>
public sealed record Reply(string Short, string? Long = null, IReadOnlyList<string>? Choices = null, bool ShortListsChoices = false)
{
    public string LongForm => Long ?? Short;

    /// <summary>
    /// When set, SMS lists <see cref="Choices"/> too, numbered under this heading (USSD under it as well), and keeps them whole
    /// while <see cref="Short"/> is shortened to fit: the articles an answer links to ("More, reply with the number:").
    /// Null: SMS shows <see cref="Short"/> alone, which says itself what to answer (YES or NO).
    /// </summary>
    public string? ChoicesHeading { get; init; }
}
