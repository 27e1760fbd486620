using SelfService.ActionCodes;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Provisioning;
using SelfService.Storage.Conversations;
using SelfService.Storage.History;

namespace SelfService.Commands;

/// <summary>BAL, STATUS, ACT, DEACT and their confirmation (YES/NO/PIN), through the provisioning backend.</summary>
internal sealed class ServiceCommands(
    ActionCatalogue catalogue, IProvisioningBackend provisioning, ServiceDirectory services, AccessPolicy policy, ReplyTexts texts, TimeProvider time)
{
    public async Task<HandlerResult> BalanceAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var account = await provisioning.FindSubscriberAsync(context.Customer!.Msisdn, cancellationToken);
        if (account is null) return new HandlerResult(Say(context, "unknownSubscriber"), CommandOutcomeKind.Refused);
        var tariff = account.TariffNames.GetValueOrDefault(context.Language) ?? account.TariffCode;
        return new HandlerResult(
            Say(context, "balance", ("balance", account.Balance), ("currency", account.Currency), ("tariff", tariff)), CommandOutcomeKind.Executed, "BAL");
    }

    public async Task<HandlerResult> StatusAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var account = await provisioning.FindSubscriberAsync(context.Customer!.Msisdn, cancellationToken);
        if (account is null) return new HandlerResult(Say(context, "unknownSubscriber"), CommandOutcomeKind.Refused);
        var offers = await services.AllAsync(cancellationToken);
        var active = account.Services.Where(s => s.State == ServiceState.Active)
            .Select(s => offers.FirstOrDefault(o => o.Code == s.Code)?.Names.GetValueOrDefault(context.Language) ?? s.Code)
            .ToList();
        var reply = active.Count == 0 ? Say(context, "statusNone") : Say(context, "status", ("services", string.Join(", ", active)));
        return new HandlerResult(reply, CommandOutcomeKind.Executed, "STATUS");
    }

    /// <summary>ACT or DEACT: checks the current state first (a repeat costs nothing), then asks to confirm where the policy says so.</summary>
    public async Task<HandlerResult> RequestChangeAsync(CommandContext context, string code, string? argument, CancellationToken cancellationToken)
    {
        var change = code == ActionNames.Activate ? ServiceChange.Activate : ServiceChange.Deactivate;
        if (string.IsNullOrWhiteSpace(argument))
            return new HandlerResult(Say(context, "serviceMissing", ("example", await ExampleAsync(context, code, cancellationToken))), CommandOutcomeKind.Invalid, code);

        var offer = await services.FindAsync(argument, cancellationToken);
        if (offer is null)
            return new HandlerResult(Say(context, "serviceUnknown", ("service", Truncate(argument, 30))), CommandOutcomeKind.Invalid, code);

        var account = await provisioning.FindSubscriberAsync(context.Customer!.Msisdn, cancellationToken);
        if (account is null) return new HandlerResult(Say(context, "unknownSubscriber"), CommandOutcomeKind.Refused);
        var name = NameOf(offer, context.Language);
        var isActive = account.Services.Any(s => s.Code == offer.Code && s.State == ServiceState.Active);
        if (change == ServiceChange.Activate && isActive)
            return new HandlerResult(Say(context, "alreadyActive", ("service", name)), CommandOutcomeKind.Executed, code + " " + offer.Code);
        if (change == ServiceChange.Deactivate && !isActive)
            return new HandlerResult(Say(context, "alreadyInactive", ("service", name)), CommandOutcomeKind.Executed, code + " " + offer.Code);

        var rule = policy.RuleFor(code);
        var needsPin = policy.NeedsPin(code, context.Message.Channel);
        if (!rule.Confirm && !needsPin)
            return await ExecuteAsync(context, code, offer.Code, context.Message.Id, cancellationToken);

        context.State.PendingChange = new PendingChange
        {
            ActionCode = code, ServiceCode = offer.Code, RequestId = context.Message.Id, NeedsPin = needsPin,
            ExpiresAt = time.GetUtcNow() + policy.Options.ConfirmationWindow,
        };
        var minutes = (int)Math.Ceiling(policy.Options.ConfirmationWindow.TotalMinutes);
        Reply reply;
        if (!rule.Confirm)
            reply = Say(context, "pinRequired");
        else if (change == ServiceChange.Activate)
            reply = Confirm(context, Text(context, "confirmActivate", ("service", name), ("activation", offer.ActivationFee), ("monthly", offer.MonthlyFee), ("currency", offer.Currency), ("minutes", minutes)));
        else
            reply = Confirm(context, Text(context, "confirmDeactivate", ("service", name), ("minutes", minutes)));
        return new HandlerResult(reply, CommandOutcomeKind.Executed, code + " " + offer.Code);
    }

    /// <summary>YES, NO or PIN for the pending change.</summary>
    public async Task<HandlerResult> AnswerPendingAsync(CommandContext context, string code, string? argument, CancellationToken cancellationToken)
    {
        var pending = context.State.PendingChange;
        if (pending is null) return new HandlerResult(Say(context, "nothingToConfirm"), CommandOutcomeKind.Invalid, code);
        if (time.GetUtcNow() > pending.ExpiresAt)
        {
            context.State.PendingChange = null;
            return new HandlerResult(Say(context, "confirmationExpired"), CommandOutcomeKind.Invalid, code);
        }
        if (code == ActionNames.No)
        {
            context.State.PendingChange = null;
            return new HandlerResult(Say(context, "cancelled"), CommandOutcomeKind.Executed, code);
        }
        if (pending.NeedsPin)
        {
            if (code != ActionNames.Pin || string.IsNullOrWhiteSpace(argument))
                return new HandlerResult(Say(context, "pinRequired"), CommandOutcomeKind.Refused, code);
            if (!await provisioning.VerifyPinAsync(context.Customer!.Msisdn, argument.Trim(), cancellationToken))
            {
                context.State.PendingChange = null;
                context.History.Add(ActionEntry(context, pending.ActionCode + " " + pending.ServiceCode, "wrong PIN"));
                return new HandlerResult(Say(context, "pinWrong"), CommandOutcomeKind.Refused, code);
            }
        }
        else if (code == ActionNames.Pin)
        {
            return new HandlerResult(Say(context, "nothingToConfirm"), CommandOutcomeKind.Invalid, code);
        }

        context.State.PendingChange = null;
        return await ExecuteAsync(context, pending.ActionCode, pending.ServiceCode, pending.RequestId, cancellationToken);
    }

    private async Task<HandlerResult> ExecuteAsync(CommandContext context, string code, string serviceCode, string requestId, CancellationToken cancellationToken)
    {
        var change = code == ActionNames.Activate ? ServiceChange.Activate : ServiceChange.Deactivate;
        var msisdn = context.Customer!.Msisdn;
        var result = await provisioning.ChangeServiceAsync(new ServiceChangeRequest(requestId, msisdn, serviceCode, change, context.Message.Channel), cancellationToken);
        var offer = await services.FindAsync(serviceCode, cancellationToken);
        var name = offer is null ? serviceCode : NameOf(offer, context.Language);
        var currency = offer?.Currency ?? "";
        var subject = code + " " + serviceCode;
        context.History.Add(ActionEntry(context, subject, $"{result.Outcome}; charged {result.Charged}; balance {result.BalanceAfter}"));

        var reply = (result.Outcome, change) switch
        {
            (ServiceChangeOutcome.Done, ServiceChange.Activate) =>
                Say(context, "activated", ("service", name), ("charged", result.Charged), ("balance", result.BalanceAfter), ("currency", currency)),
            (ServiceChangeOutcome.Done, _) => Say(context, "deactivated", ("service", name), ("balance", result.BalanceAfter), ("currency", currency)),
            (ServiceChangeOutcome.AlreadyInState, ServiceChange.Activate) => Say(context, "alreadyActive", ("service", name)),
            (ServiceChangeOutcome.AlreadyInState, _) => Say(context, "alreadyInactive", ("service", name)),
            (ServiceChangeOutcome.InsufficientFunds, _) => Say(context, "insufficientFunds", ("service", name), ("balance", result.BalanceAfter), ("currency", currency)),
            (ServiceChangeOutcome.UnknownService, _) => Say(context, "serviceUnknown", ("service", serviceCode)),
            _ => Say(context, "unknownSubscriber"),
        };
        var kind = result.Outcome is ServiceChangeOutcome.Done or ServiceChangeOutcome.AlreadyInState ? CommandOutcomeKind.Executed : CommandOutcomeKind.Refused;
        return new HandlerResult(reply, kind, subject);
    }

    private HistoryEntry ActionEntry(CommandContext context, string subject, string text) => new()
    {
        Id = context.Message.Id + ":action", CustomerId = context.Customer?.Id, Channel = context.Message.Channel,
        Address = context.Message.SenderAddress, Kind = HistoryKind.Action, Subject = subject, Text = text,
        MessageId = context.Message.Id, At = time.GetUtcNow(),
    };

    private Reply Confirm(CommandContext context, string text) =>
        new(text, null, [texts.Get("yes", context.Language), texts.Get("no", context.Language)]);

    private Reply Say(CommandContext context, string key, params (string, object)[] values) => new(Text(context, key, values));

    private string Text(CommandContext context, string key, params (string, object)[] values) => texts.Get(key, context.Language, values);

    private static string NameOf(ServiceOffer offer, string language) => offer.Names.GetValueOrDefault(language) ?? offer.Code;

    /// <summary>"ACT ROAMING" / "ВКЛ РОУМИНГ": the operator's own words for the code and its first service.</summary>
    private async Task<string> ExampleAsync(CommandContext context, string code, CancellationToken cancellationToken)
    {
        var keyword = catalogue.Actions.FirstOrDefault(a => a.Code == code)?.Aliases.GetValueOrDefault(context.Language)?.FirstOrDefault() ?? code;
        var offers = await services.AllAsync(cancellationToken);
        if (offers.Count == 0) return keyword;
        var offer = offers[0];
        var service = context.Language == TextLanguage.Russian
            ? offer.Aliases.FirstOrDefault(a => TextLanguage.Detect(a) == TextLanguage.Russian) ?? offer.Code
            : offer.Code;
        return keyword + " " + service;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
