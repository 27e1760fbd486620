namespace SelfService.Channels.Telegram.Outbound;

/// <summary>One message's text two ways: Telegram HTML (parse_mode HTML) and the same visible text without markup.</summary>
/// <param name="Html">Escaped text with only the tags Telegram accepts, balanced.</param>
/// <param name="Plain">What the customer reads; sent as it is when Telegram refuses the HTML.</param>
public sealed record RenderedText(string Html, string Plain);
