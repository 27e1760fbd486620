using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Storage.Conversations;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Asks one short question when a request is unclear: numbered choices, each one the exact code it stands for, plus "it was
/// a question" when the message may be one. The answer is picked like a menu item (a digit or the label).
/// </summary>
internal sealed class Clarification(ServiceDirectory services, ReplyTexts texts, AccessPolicy policy, TimeProvider time)
{
    /// <summary>What a choice runs when the customer says the message was a question: the knowledge base answers the rest.</summary>
    public const string QuestionPrefix = "ask:";

    public async Task<HandlerResult> AskAsync(CommandContext context, UnclearInput unclear, CancellationToken cancellationToken)
    {
        var offers = await services.AllAsync(cancellationToken);
        var language = context.Language;
        var choices = new List<PendingChoice>();
        foreach (var request in unclear.Request.Candidates)
        {
            var offer = offers.FirstOrDefault(o => o.Code == request.Argument);
            var service = offer?.Names.GetValueOrDefault(language) ?? offer?.Code ?? request.Argument ?? "";
            choices.Add(new PendingChoice { Label = texts.Get("choice" + request.Code, language, ("service", service)), Action = request.AsCode });
        }

        if (unclear.Request.MayBeQuestion) choices.Add(new PendingChoice { Label = texts.Get("choiceQuestion", language), Action = QuestionPrefix + unclear.Text });
        context.State.Choices = choices;
        context.State.ChoicesExpireAt = time.GetUtcNow() + policy.Options.ConfirmationWindow;
        var title = texts.Get("clarify", language);
        var labels = choices.Select(c => c.Label).ToList();
        var numbered = title + "\n" + string.Join("\n", labels.Select((label, i) => $"{i + 1}. {label}"));
        return new HandlerResult(new Reply(numbered, title, labels, ShortListsChoices: true), CommandOutcomeKind.Executed, "clarify");
    }
}
