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
}
