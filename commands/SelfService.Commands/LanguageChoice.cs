using SelfService.ActionCodes;
using SelfService.Messaging;
using SelfService.Commands.Texts;

namespace SelfService.Commands;

/// <summary>
/// LANG EN, ЯЗЫК РУ, "english please": the customer's explicit choice of the language of replies, notices and one-time
/// codes. It changes the profile at once, where text in another language changes it only when it keeps coming.
/// </summary>
internal sealed class LanguageChoice(ActionCatalogue catalogue, ReplyTexts texts)
{
    public HandlerResult Choose(CommandContext context, string? argument)
    {
        var chosen = argument is null ? null : catalogue.Vocabulary.LanguageNamed(argument);
        if (chosen is null) return new HandlerResult(new Reply(texts.Get("languageAsk", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Language);

        context.State.Language = chosen;
        if (context.Customer is { } customer && customer.Language != chosen)
        {
            customer.Language = chosen;
            if (!context.ChangedCustomers.Contains(customer)) context.ChangedCustomers.Add(customer);
        }

        return new HandlerResult(new Reply(texts.Get("languageSet", chosen)), CommandOutcomeKind.Executed, ActionNames.Language);
    }
}
