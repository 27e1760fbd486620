using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.ActionCodes;
using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Commands.Understanding;
using SelfService.Messaging;
using SelfService.Provisioning;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.History;

namespace SelfService.Commands;

/// <summary>
/// Runs one inbound message: checks it, resolves the customer and language, applies the access policies,
/// parses the action code and hands it to the right handler; records the whole exchange in the history.
/// Safe to run twice for the same message (after a crash): ids derive from the message id and provisioning
/// is idempotent by it.
/// </summary>
public sealed partial class CommandProcessor
{
    private readonly RequestUnderstanding _understanding;
    private readonly CustomerDirectory _customers;
    private readonly IConversationStore _conversations;
    private readonly IHistoryStore _history;
    private readonly AccessPolicy _policy;
    private readonly ReplyTexts _texts;
    private readonly CommandOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandProcessor> _logger;
    private readonly CommandHandlers _handlers;
    private readonly IProvisioningBackend _provisioning;

    internal CommandProcessor(CustomerLookup customers, CommandDecisions decisions, CommandAnswers answers, ILogger<CommandProcessor> logger)
    {
        _customers = customers.Customers;
        _conversations = customers.Conversations;
        _provisioning = customers.Provisioning;
        _understanding = decisions.Understanding;
        _policy = decisions.Policy;
        _handlers = decisions.Handlers;
        _texts = answers.Texts;
        _options = answers.Options.Value;
        _history = answers.History;
        _time = answers.Time;
        _logger = logger;
    }

    /// <summary>
    /// Runs one message. Nothing is stored here: the outcome carries every change (conversation, customers, history), for
    /// the caller to store in one commit with the replies. Rare actions that others must see at once (a link, a ticket)
    /// are stored as they happen.
    /// </summary>
    public async Task<CommandOutcome> ProcessAsync(InboundMessage message, ChannelProfile channel, CancellationToken cancellationToken)
    {
        var changedCustomers = new List<Customer>(1);
        var customer = await ResolveCustomerAsync(message, channel, changedCustomers, cancellationToken);
        var state = await _conversations.GetAsync(message.Channel, message.SenderAddress, cancellationToken);
        var text = message.Text.Trim();
        if (customer is not null) await LearnProfileLanguageAsync(customer, changedCustomers, cancellationToken);
        var language = ChooseLanguage(text, customer, state, message.Language, changedCustomers);
        message = message with { CustomerId = customer?.Id, Language = language };
        var context = new CommandContext(message, channel, customer, state, language);
        context.ChangedCustomers.AddRange(changedCustomers);

        HandlerResult result;
        try
        {
            result = await DecideAsync(context, text, cancellationToken);
        }
        catch (ProvisioningUnavailableException ex)
        {
            LogBackendUnavailable(ex, message.Id, message.Channel);
            result = new HandlerResult(new Reply(_texts.Get("backendUnavailable", language)), CommandOutcomeKind.Failed);
        }

        if (result.Reply is not null) _handlers.Menus.OfferChoices(context, result.Reply);

        // The customer may have been linked while processing: the message then belongs to them.
        message = message with { CustomerId = context.Customer?.Id };
        Record(context, message, result);

        var replies = new List<Outgoing>(1 + context.Extra.Count);
        if (result.Reply is not null) replies.Add(context.ToSender(result.Reply));
        replies.AddRange(context.Extra);
        return new CommandOutcome(message, result.Kind, result.Subject, replies, state, context.ChangedCustomers, context.History, context.AfterCommit);
    }

    /// <summary>The customers an outcome carried are stored now.</summary>
    public void Committed(CommandOutcome outcome)
    {
        _customers.Committed(outcome.Customers);
        foreach (var notify in outcome.AfterCommit) notify();
    }

    private async Task<HandlerResult> DecideAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return Invalid(context, "empty");
        if (text.Length > _options.MaxTextLength) return new HandlerResult(new Reply(_texts.Get("tooLong", context.Language, ("max", _options.MaxTextLength))), CommandOutcomeKind.Invalid);
        if (LooksBinary(text)) return Invalid(context, "unreadable");
        if (!_policy.TryConsumeMessage(context.State.Key))
            return new HandlerResult(new Reply(_texts.Get("rateLimited", context.Language)), CommandOutcomeKind.Refused);
        if (context.Message.VouchedMsisdn is { } vouched) return await _handlers.Linking.LinkVouchedAsync(context, vouched, cancellationToken);
        // An answer to a survey sent to this address comes before menus and commands ("1" is the first option, not a menu pick).
        if (await _handlers.Surveys.TryAnswerAsync(context, text, cancellationToken) is { } surveyed) return surveyed;

        var step = _handlers.Menus.Interpret(context, text);
        if (step.Result is not null) return step.Result;
        if (step.RunText is { } picked && picked.StartsWith(Clarification.QuestionPrefix, StringComparison.Ordinal))
            return await _handlers.Questions.AnswerAsync(context, picked[Clarification.QuestionPrefix.Length..], cancellationToken);
        if (step.RunText is { } article && article.StartsWith(QuestionAnswering.ArticlePrefix, StringComparison.Ordinal))
            return await _handlers.Questions.AnswerArticleAsync(context, article[QuestionAnswering.ArticlePrefix.Length..], cancellationToken);

        // A code typed on its own while a link waits for it.
        if (_handlers.Linking.IsAwaitingCode(context) && IsOneTimeCode(text))
            return await _handlers.Linking.CheckCodeAsync(context, text, cancellationToken);

        var input = await _understanding.UnderstandAsync(step.RunText ?? text, cancellationToken);
        if (input is UnderstoodInput or UnclearInput && await _handlers.Questions.WhileEscalatedAsync(context, cancellationToken) is { } toAgent)
            return toAgent;   // in their own words, the customer is talking to the agent, not giving the gateway commands
        if (input is UnclearInput unclear) return await _handlers.Clarification.AskAsync(context, unclear, cancellationToken);
        if (input is UnderstoodInput understood) input = understood.Action;

        if (input is ActionCodeInput action)
        {
            var decision = _policy.Check(action.Code, context.Message.Channel, context.Customer is not null);
            switch (decision)
            {
                case PolicyDecision.NeedsIdentity:
                    // A caller cannot send LINK: on the telephone, what proves them is the line they call from.
                    var refusal = context.Channel.ReplyForm == ReplyForm.Voice ? "needIdentityByPhone" : "needIdentity";
                    return new HandlerResult(new Reply(_texts.Get(refusal, context.Language)), CommandOutcomeKind.Refused, action.Code);
                case PolicyDecision.ChannelNotAllowed:
                    return new HandlerResult(new Reply(_texts.Get("channelNotAllowed", context.Language, ("command", action.Keyword))), CommandOutcomeKind.Refused, action.Code);
            }
            return await RunActionAsync(context, action, cancellationToken);
        }

        if (await _handlers.Questions.WhileEscalatedAsync(context, cancellationToken) is { } forAgent) return forAgent;
        if (input is MenuChoiceInput) return Invalid(context, "unknownCommand");
        return await _handlers.Questions.AnswerAsync(context, text, cancellationToken);
    }

    private async Task<HandlerResult> RunActionAsync(CommandContext context, ActionCodeInput action, CancellationToken cancellationToken)
    {
        switch (action.Code)
        {
            case ActionNames.Balance: return await _handlers.Services.BalanceAsync(context, cancellationToken);
            case ActionNames.Status: return await _handlers.Services.StatusAsync(context, cancellationToken);
            case ActionNames.Activate or ActionNames.Deactivate:
                return await _handlers.Services.RequestChangeAsync(context, action.Code, action.Argument, cancellationToken);
            case ActionNames.Yes or ActionNames.No or ActionNames.Pin:
                return await _handlers.Services.AnswerPendingAsync(context, action.Code, action.Argument, cancellationToken);
            case ActionNames.Link: return await _handlers.Linking.StartAsync(context, action.Argument, cancellationToken);
            case ActionNames.Code: return await _handlers.Linking.CheckCodeAsync(context, action.Argument, cancellationToken);
            case ActionNames.Agent:
                return await _handlers.Questions.WhileEscalatedAsync(context, cancellationToken)
                    ?? await _handlers.Questions.EscalateAsync(context, EscalationReasons.AskedForAgent, await LastQuestionAsync(context, cancellationToken), cancellationToken);
            case ActionNames.Callback:
                return await _handlers.Questions.CallbackAsync(context, action.Argument, await LastQuestionAsync(context, cancellationToken), cancellationToken);
            case ActionNames.Stop or ActionNames.Start:
                return await _handlers.Consent.ChangeAsync(context, action.Code, action.Argument, cancellationToken);
            case ActionNames.Menu when _handlers.Menus.HasMenus:
                return _handlers.Menus.ShowRoot(context);
            case ActionNames.Help or ActionNames.Menu:
                return _handlers.Help.Show(context, action.Code == ActionNames.Help ? action.Argument : null);
            case ActionNames.Language:
                return _handlers.Language.Choose(context, action.Argument);
            default:
                LogUnhandledCode(action.Code);
                return Invalid(context, "unknownCommand");
        }
    }

    /// <summary>
    /// The reply's language: the message's when its text says one; else the profile's; else the conversation's, the
    /// channel's hint, or (for a newcomer typing only a code) the code's alphabet. The profile changes only when two
    /// messages in a row are written in another language; a code such as BAL or a digit changes nothing.
    /// </summary>
    private string ChooseLanguage(string text, Customer? customer, ConversationState state, string? hint, List<Customer> changed)
    {
        var written = _understanding.WrittenLanguage(text);
        if (written is not null && customer is not null && customer.Language != written && (customer.Language is null || state.Language == written))
        {
            customer.Language = written;
            if (!changed.Contains(customer)) changed.Add(customer);
        }

        var language = written ?? customer?.Language ?? state.Language ?? hint ?? TextLanguage.Detect(text) ?? _options.DefaultLanguage;
        if (written is not null) state.Language = written;
        else state.Language ??= language;
        return language;
    }

    /// <summary>A customer first seen by their number has no language yet: the operator's subscriber record knows it.</summary>
    private async Task LearnProfileLanguageAsync(Customer customer, List<Customer> changed, CancellationToken cancellationToken)
    {
        if (customer.Language is not null) return;
        try
        {
            var account = await _provisioning.FindSubscriberAsync(customer.Msisdn, cancellationToken);
            if (string.IsNullOrEmpty(account?.Language)) return;
            customer.Language = account.Language;
            if (!changed.Contains(customer)) changed.Add(customer);
        }
        catch (ProvisioningUnavailableException ex)
        {
            // The language is a nicety: the message is still answered, in the language of its text or the default.
            LogProfileLanguageUnavailable(ex, customer.Id);
        }
    }

    private async Task<Customer?> ResolveCustomerAsync(InboundMessage message, ChannelProfile channel, List<Customer> changed, CancellationToken cancellationToken)
    {
        if (!channel.SenderIsMsisdn || !_policy.IsTrustedChannel(message.Channel))
            return await _customers.FindByIdentityAsync(message.Channel, message.SenderAddress, cancellationToken);
        var (customer, isChanged) = await _customers.ResolveNetworkSenderAsync(message.SenderAddress, message.Channel, message.Language, cancellationToken);
        if (isChanged) changed.Add(customer);
        return customer;
    }

    private void Record(CommandContext context, InboundMessage message, HandlerResult result)
    {
        // Handlers' lines (an action taken) belong to the customer the message ended with, too.
        foreach (var entry in context.History) entry.CustomerId = message.CustomerId;
        context.History.Insert(0, new HistoryEntry
        {
            Id = message.Id + ":in", CustomerId = message.CustomerId, Channel = message.Channel, Address = message.SenderAddress,
            Kind = HistoryKind.Inbound, Text = message.Text, Outcome = result.Kind.ToString(), Subject = result.Subject,
            MessageId = message.Id, At = message.ReceivedAt,
        });
        if (result.Reply is null) return;
        context.History.Add(new HistoryEntry
        {
            Id = message.Id + ":out", CustomerId = message.CustomerId, Channel = message.Channel, Address = message.SenderAddress,
            Kind = HistoryKind.Outbound, Text = result.Reply.LongForm, Subject = result.Subject, MessageId = message.Id, At = _time.GetUtcNow(),
        });
    }

    private async Task<string> LastQuestionAsync(CommandContext context, CancellationToken cancellationToken) =>
        (await _history.ForIdentityAsync(context.Message.Channel, context.Message.SenderAddress, 20, cancellationToken))
            .LastOrDefault(e => e.Kind == HistoryKind.Inbound && e.Outcome == nameof(CommandOutcomeKind.Unanswered))?.Text ?? context.Message.Text;

    private HandlerResult Invalid(CommandContext context, string key) => new(new Reply(_texts.Get(key, context.Language)), CommandOutcomeKind.Invalid);

    private static bool IsOneTimeCode(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 4 and <= 8 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
    }

    /// <summary>Control characters (other than line breaks and tabs) or replacement characters mean the sender sent binary data.</summary>
    private static bool LooksBinary(string text)
    {
        var suspicious = text.Count(c => c == '\uFFFD' || c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')));
        return suspicious > 0 && suspicious * 20 >= text.Length || text.Contains('\0');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning backend unavailable while processing {MessageId} from {Channel}")]
    private partial void LogBackendUnavailable(Exception exception, string messageId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provisioning backend unavailable while learning the language of customer {CustomerId}")]
    private partial void LogProfileLanguageUnavailable(Exception exception, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue has code {Code}, which the processor does not run")]
    private partial void LogUnhandledCode(string code);
}
