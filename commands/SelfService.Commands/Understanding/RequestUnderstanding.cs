using SelfService.ActionCodes;
using SelfService.Provisioning;

namespace SelfService.Commands.Understanding;

/// <summary>
/// The layer between the channels and the command processor: exact codes and menu digits parse as they always have; a
/// code whose service is written loosely ("ВКЛ МНЕ РОУМИНГ") and free text ("хочу подключить роуминг") go through the
/// <see cref="RequestInterpreter"/>, which makes them an <see cref="UnderstoodInput"/>, an <see cref="UnclearInput"/>, or
/// leaves them free text for the knowledge base.
/// </summary>
public sealed class RequestUnderstanding(ActionCatalogue catalogue, ServiceDirectory services)
{
    private readonly ActionCodeParser _parser = new(catalogue);
    private Built? _current;

    public async Task<ParsedInput> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = _parser.Parse(text);
        switch (input)
        {
            case MenuChoiceInput:
                return input;
            case ActionCodeInput exact when exact.Argument is null || !TakesService(exact.Code) || await services.FindAsync(exact.Argument, cancellationToken) is not null:
                return input;
        }

        var interpretation = (await InterpreterAsync(cancellationToken)).Interpret(text);
        return (input, interpretation) switch
        {
            (_, UnclearRequest unclear) => new UnclearInput(unclear, text.Trim()),
            (ActionCodeInput exact, UnderstoodRequest request) when request.Code == exact.Code => exact with { Argument = request.Argument },
            // A code with a service nobody knows is answered as before: "no such service".
            (ActionCodeInput, _) => input,
            (_, UnderstoodRequest request) => new UnderstoodInput(new ActionCodeInput(request.Code, request.Argument, KeywordOf(request.Code, text), TextLanguage.Detect(text) ?? "")),
            _ => input,
        };
    }

    /// <summary>
    /// The language the message is written in, or null when it is language-neutral: no letters (<c>1</c>, <c>?</c>), or a
    /// canonical code such as <c>BAL</c>, <c>YES</c> or <c>ACT ROAMING</c>, which a Russian speaker types as readily as an
    /// English one, and which must not turn their replies English.
    /// </summary>
    public string? WrittenLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_parser.Parse(text) is ActionCodeInput code && IsNeutral(code)) return null;
        return TextLanguage.Detect(text);
    }

    private bool IsNeutral(ActionCodeInput code)
    {
        var keyword = code.Keyword;
        var action = catalogue.Actions.First(a => a.Code == code.Code);
        // "OK" and "ОК" look the same: an alias both languages share says nothing of either.
        var shared = action.Aliases.Count(language => language.Value.Any(alias => KeywordText.Skeleton(alias) == KeywordText.Skeleton(keyword))) > 1;
        var argument = code.Argument;
        var neutralArgument = argument is null || TextLanguage.Detect(argument) is null
            || (TextLanguage.Detect(argument) == TextLanguage.English && !argument.Contains(' ', StringComparison.Ordinal));
        return (keyword == action.Code || shared) && neutralArgument;
    }

    private bool TakesService(string code) => catalogue.Actions.FirstOrDefault(a => a.Code == code)?.Argument == ArgumentKind.Service;

    private string KeywordOf(string code, string text)
    {
        var aliases = catalogue.Actions.First(a => a.Code == code).Aliases;
        return aliases.GetValueOrDefault(TextLanguage.Detect(text) ?? "")?.FirstOrDefault() ?? code;
    }

    /// <summary>One interpreter per service catalogue: rebuilt only when the directory has loaded a new one.</summary>
    private async Task<RequestInterpreter> InterpreterAsync(CancellationToken cancellationToken)
    {
        var offers = await services.AllAsync(cancellationToken);
        var current = _current;
        if (current is not null && ReferenceEquals(current.Offers, offers)) return current.Interpreter;
        var interpreter = new RequestInterpreter(catalogue, offers);
        _current = new Built(offers, interpreter);
        return interpreter;
    }

    private sealed record Built(IReadOnlyList<ServiceOffer> Offers, RequestInterpreter Interpreter);
}
