namespace SelfService.ActionCodes;

/// <summary>
/// A group of actions HELP can show on its own (<c>HELP SERVICES</c>), so that on SMS and USSD HELP is a short list of
/// topics that fits the channel, never a long list cut in the middle.
/// </summary>
/// <param name="Code">The canonical name, one word: <c>SERVICES</c>.</param>
/// <param name="Names">What the customer types after HELP, per language (upper case): en → SERVICES, ru → УСЛУГИ.</param>
/// <param name="Titles">A few words per language saying what the topic holds, for the short list.</param>
public sealed record HelpTopic(
    string Code,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    IReadOnlyDictionary<string, string> Titles);
