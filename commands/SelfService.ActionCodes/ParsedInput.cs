namespace SelfService.ActionCodes;

/// <summary>What a customer's text turned out to be: an action code, a menu digit or a free-text question.</summary>
public abstract record ParsedInput;

/// <summary>A keyword from the catalogue, with its argument (a service code, a phone number, a PIN...) as typed.</summary>
/// <param name="Code">The canonical code from the catalogue, e.g. <c>ACT</c>.</param>
/// <param name="Argument">Everything after the keyword, trimmed and with single spaces; null when absent.</param>
/// <param name="Keyword">The alias the customer actually used (after normalization), for logs and analytics.
/// It is the catalogue's spelling of that alias: a typo "БАЛНАС" or a mixed-script "ВАL" reports БАЛАНС or BAL.</param>
/// <param name="Language">The language of the alias that matched (<c>ru</c> or <c>en</c>).</param>
public sealed record ActionCodeInput(string Code, string? Argument, string Keyword, string Language) : ParsedInput;

/// <summary>A menu choice: the whole message is a small number such as <c>1</c> or <c>0</c>.</summary>
public sealed record MenuChoiceInput(int Choice) : ParsedInput;

/// <summary>Anything else: a question for the knowledge base.</summary>
public sealed record FreeTextInput(string Text) : ParsedInput;
