using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.ActionCodes;
using SelfService.Channels;
using SelfService.Commands.Conversations;
using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.Commands.History;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Provisioning;

namespace SelfService.Commands;

/// <summary>
/// Runs one inbound message: checks it, resolves the customer and language, applies the access policies,
/// parses the action code and hands it to the right handler; records the whole exchange in the history.
/// Safe to run twice for the same message (after a crash): ids derive from the message id and provisioning
/// is idempotent by it.
/// </summary>
public sealed partial class CommandProcessor
{
    private readonly ActionCodeParser _parser;
    private readonly ActionCatalogue _catalogue;
    private readonly CustomerDirectory _customers;
    private readonly HistoryStore _history;
    private readonly ConversationStore _conversations;
    private readonly AccessPolicy _policy;
    private readonly ReplyTexts _texts;
    private readonly CommandOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CommandProcessor> _logger;
    private readonly ServiceCommands _serviceCommands;
    private readonly IdentityLinking _linking;
    private readonly QuestionAnswering _questions;
    private readonly Menus.MenuNavigation _menus;

    public CommandProcessor(
        ActionCatalogue catalogue, IProvisioningBackend provisioning, ServiceDirectory services, KnowledgeBase.IKnowledgeSearch knowledge,
        IOptions<KnowledgeBase.KnowledgeBaseOptions> knowledgeOptions, CustomerDirectory customers, HistoryStore history,
        ConversationStore conversations, Escalation.EscalationQueue queue, IOptions<Escalation.EscalationOptions> escalationOptions,
        AccessPolicy policy, LinkingGuard linkingGuard, ReplyTexts texts, Menus.MenuCatalogue menus, IOptions<CommandOptions> options,
        TimeProvider time, ILogger<CommandProcessor> logger)
    {
        _catalogue = catalogue;
        _parser = new ActionCodeParser(catalogue);
        _customers = customers;
        _history = history;
        _conversations = conversations;
        _policy = policy;
        _texts = texts;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _serviceCommands = new ServiceCommands(catalogue, provisioning, services, policy, history, texts, time);
        var msisdns = new MsisdnNormalizer(_options.DefaultRegion);
        _linking = new IdentityLinking(customers, history, provisioning, policy, linkingGuard, msisdns, texts, time);
        _questions = new QuestionAnswering(knowledge, knowledgeOptions, queue, escalationOptions, msisdns, texts);
        _menus = new Menus.MenuNavigation(menus, texts, policy, time);
    }

    public async Task<CommandOutcome> ProcessAsync(InboundMessage message, ChannelProfile channel, CancellationToken cancellationToken)
    {
        var customer = ResolveCustomer(message, channel);
        var state = _conversations.Get(message.Channel, message.SenderAddress);
        var text = message.Text.Trim();
        var language = TextLanguage.Detect(text) ?? state.Language ?? customer?.Language ?? message.Language ?? _options.DefaultLanguage;
        state.Language = language;
        message = message with { CustomerId = customer?.Id, Language = language };
        var context = new CommandContext(message, channel, customer, state, language);

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

        if (result.Reply is not null) _menus.OfferChoices(context, result.Reply);

        // The customer may have been linked while processing: the message then belongs to them.
        message = message with { CustomerId = context.Customer?.Id };
        _conversations.Save(state);
        Record(message, result);

        var replies = new List<Outgoing>(1 + context.Extra.Count);
        if (result.Reply is not null) replies.Add(context.ToSender(result.Reply));
        replies.AddRange(context.Extra);
        return new CommandOutcome(message, result.Kind, result.Subject, replies);
    }

    private async Task<HandlerResult> DecideAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0) return Invalid(context, "empty");
        if (text.Length > _options.MaxTextLength) return new HandlerResult(new Reply(_texts.Get("tooLong", context.Language, ("max", _options.MaxTextLength))), CommandOutcomeKind.Invalid);
        if (LooksBinary(text)) return Invalid(context, "unreadable");
        if (!_policy.TryConsumeMessage(context.State.Key))
            return new HandlerResult(new Reply(_texts.Get("rateLimited", context.Language)), CommandOutcomeKind.Refused);
        if (context.Message.VouchedMsisdn is { } vouched) return await _linking.LinkVouchedAsync(context, vouched, cancellationToken);

        var step = _menus.Interpret(context, text);
        if (step.Result is not null) return step.Result;
        var input = _parser.Parse(step.RunText ?? text);

        // A code typed on its own while a link waits for it.
        if (_linking.IsAwaitingCode(context) && input is FreeTextInput && IsOneTimeCode(text))
            return _linking.CheckCode(context, text);

        if (input is ActionCodeInput action)
        {
            var decision = _policy.Check(action.Code, context.Message.Channel, context.Customer is not null);
            switch (decision)
            {
                case PolicyDecision.NeedsIdentity:
                    return new HandlerResult(new Reply(_texts.Get("needIdentity", context.Language)), CommandOutcomeKind.Refused, action.Code);
                case PolicyDecision.ChannelNotAllowed:
                    return new HandlerResult(new Reply(_texts.Get("channelNotAllowed", context.Language, ("command", action.Keyword))), CommandOutcomeKind.Refused, action.Code);
            }
            return await RunActionAsync(context, action, cancellationToken);
        }

        if (_questions.WhileEscalated(context) is { } forAgent) return forAgent;
        if (input is MenuChoiceInput) return Invalid(context, "unknownCommand");
        return _questions.Answer(context, text);
    }

    private async Task<HandlerResult> RunActionAsync(CommandContext context, ActionCodeInput action, CancellationToken cancellationToken)
    {
        switch (action.Code)
        {
            case ActionNames.Balance: return await _serviceCommands.BalanceAsync(context, cancellationToken);
            case ActionNames.Status: return await _serviceCommands.StatusAsync(context, cancellationToken);
            case ActionNames.Activate or ActionNames.Deactivate:
                return await _serviceCommands.RequestChangeAsync(context, action.Code, action.Argument, cancellationToken);
            case ActionNames.Yes or ActionNames.No or ActionNames.Pin:
                return await _serviceCommands.AnswerPendingAsync(context, action.Code, action.Argument, cancellationToken);
            case ActionNames.Link: return await _linking.StartAsync(context, action.Argument, cancellationToken);
            case ActionNames.Code: return _linking.CheckCode(context, action.Argument);
            case ActionNames.Agent:
                return _questions.WhileEscalated(context) ?? _questions.Escalate(context, EscalationReasons.AskedForAgent, LastQuestion(context));
            case ActionNames.Callback:
                return _questions.Callback(context, action.Argument, LastQuestion(context));
            case ActionNames.Stop or ActionNames.Start:
                var accepts = action.Code == ActionNames.Start;
                if (context.Customer is not null) _customers.SetAcceptsCampaigns(context.Customer.Id, accepts);
                return new HandlerResult(new Reply(_texts.Get(accepts ? "started" : "stopped", context.Language)), CommandOutcomeKind.Executed, action.Code);
            case ActionNames.Menu when _menus.HasMenus:
                return _menus.ShowRoot(context);
            case ActionNames.Help or ActionNames.Menu:
                return new HandlerResult(new Reply(_texts.Get("help", context.Language, ("commands", HelpList(context.Language)))), CommandOutcomeKind.Executed, action.Code);
            default:
                LogUnhandledCode(action.Code);
                return Invalid(context, "unknownCommand");
        }
    }

    private Customer? ResolveCustomer(InboundMessage message, ChannelProfile channel)
    {
        if (channel.SenderIsMsisdn && _policy.IsTrustedChannel(message.Channel))
            return _customers.GetOrCreateByMsisdn(message.SenderAddress, message.Channel, message.Language);
        return _customers.FindByIdentity(message.Channel, message.SenderAddress);
    }

    private void Record(InboundMessage message, HandlerResult result)
    {
        var inbound = new HistoryEntry
        {
            Id = message.Id + ":in", CustomerId = message.CustomerId, Channel = message.Channel, Address = message.SenderAddress,
            Kind = HistoryKind.Inbound, Text = message.Text, Outcome = result.Kind.ToString(), Subject = result.Subject,
            MessageId = message.Id, At = message.ReceivedAt,
        };
        if (result.Reply is null)
        {
            _history.Record(inbound);
            return;
        }
        _history.Record(inbound, new HistoryEntry
        {
            Id = message.Id + ":out", CustomerId = message.CustomerId, Channel = message.Channel, Address = message.SenderAddress,
            Kind = HistoryKind.Outbound, Text = result.Reply.LongForm, Subject = result.Subject, MessageId = message.Id, At = _time.GetUtcNow(),
        });
    }

    private string LastQuestion(CommandContext context) =>
        _history.ForIdentity(context.Message.Channel, context.Message.SenderAddress, 20)
            .LastOrDefault(e => e.Kind == HistoryKind.Inbound && e.Outcome == nameof(CommandOutcomeKind.Unanswered))?.Text ?? context.Message.Text;

    private string HelpList(string language) =>
        string.Join("; ", _catalogue.Actions.Select(a => a.Descriptions.GetValueOrDefault(language)).Where(d => !string.IsNullOrEmpty(d)));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue has code {Code}, which the processor does not run")]
    private partial void LogUnhandledCode(string code);
}
