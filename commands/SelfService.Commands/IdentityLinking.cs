using System.Security.Cryptography;
using System.Text;
using SelfService.Commands.Customers;
using SelfService.Commands.Policies;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Provisioning;
using SelfService.Storage.Conversations;
using SelfService.Storage.History;

namespace SelfService.Commands;

/// <summary>
/// LINK +7... and the one-time code: proves that a web, email or Telegram address belongs to the owner of a
/// phone number, by a code sent to that phone. Only the code's hash is stored; attempts are limited per code, and
/// <see cref="LinkingGuard"/> limits codes and wrong guesses per number, conversation and client address. The number's
/// owner is told by SMS whenever it is linked to a new channel.
/// </summary>
internal sealed class IdentityLinking(
    CustomerDirectory customers, IHistoryStore history, IProvisioningBackend provisioning, AccessPolicy policy, LinkingGuard guard,
    MsisdnNormalizer msisdns, ReplyTexts texts, TimeProvider time)
{
    /// <summary>
    /// A customer made by linking gets no language from the message that linked ("LINK +7..." is written in no language):
    /// the processor takes it from the subscriber record on their next message.
    /// </summary>
    private const string? ProfileLanguageFromSubscriber = null;

    public async Task<HandlerResult> StartAsync(CommandContext context, string? argument, CancellationToken cancellationToken)
    {
        if (!msisdns.TryNormalize(argument, out var msisdn))
            return new HandlerResult(new Reply(texts.Get("linkBadPhone", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Link);

        // Codes go only to the operator's own subscribers: the gateway must not become an SMS cannon for strangers' numbers.
        if (await provisioning.FindSubscriberAsync(msisdn, cancellationToken) is not { } subscriber)
            return new HandlerResult(new Reply(texts.Get("unknownSubscriber", context.Language)), CommandOutcomeKind.Refused, ActionNames.Link);

        // One polite answer for every limit: it tells an attacker neither which limit nor that the number is under attack.
        if (!guard.TryIssueCode(msisdn, context.State.Key, context.Message.ClientAddress))
            return new HandlerResult(new Reply(texts.Get("linkRefused", context.Language)), CommandOutcomeKind.Refused, ActionNames.Link);

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var lifetime = policy.Options.LinkCodeLifetime;
        context.State.PendingLink = new PendingLink
        {
            Msisdn = msisdn, CodeHash = Hash(context.State.Key, code), AttemptsLeft = policy.Options.LinkCodeAttempts,
            ExpiresAt = time.GetUtcNow() + lifetime,
        };
        var minutes = (int)Math.Ceiling(lifetime.TotalMinutes);
        var ownersLanguage = await OwnersLanguageAsync(context, msisdn, subscriber.Language, cancellationToken);
        context.Extra.Add(new Outgoing(policy.Options.LinkCodeChannel, msisdn, msisdn,
            new Reply(texts.Get("linkCodeSms", ownersLanguage, ("code", code), ("minutes", minutes)))));
        return new HandlerResult(new Reply(texts.Get("linkCodeSent", context.Language, ("msisdn", Mask(msisdn)), ("minutes", minutes))),
            CommandOutcomeKind.Executed, ActionNames.Link);
    }

    /// <summary>
    /// The channel itself proved the sender owns <paramref name="vouched"/> (Telegram: a contact shared by its own
    /// user). Links like a correct one-time code would, for the operator's subscribers only.
    /// </summary>
    public async Task<HandlerResult> LinkVouchedAsync(CommandContext context, string vouched, CancellationToken cancellationToken)
    {
        if (!msisdns.TryNormalize(vouched, out var msisdn))
            return new HandlerResult(new Reply(texts.Get("linkBadPhone", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Link);
        if (await provisioning.FindSubscriberAsync(msisdn, cancellationToken) is not { } subscriber)
            return new HandlerResult(new Reply(texts.Get("unknownSubscriber", context.Language)), CommandOutcomeKind.Refused, ActionNames.Link);

        context.State.PendingLink = null;
        var message = context.Message;
        var customer = await customers.LinkAsync(msisdn, message.Channel, message.SenderAddress, ProfileLanguageFromSubscriber, cancellationToken, provenBy: message.Channel + "-contact");
        await history.ClaimAsync(message.Channel, message.SenderAddress, customer.Id, cancellationToken);
        context.Customer = customer;
        NotifyOwner(context, msisdn, customer.Language ?? subscriber.Language);
        return new HandlerResult(new Reply(texts.Get("linkDone", context.Language, ("msisdn", Mask(msisdn)))), CommandOutcomeKind.Executed, ActionNames.Link);
    }

    public bool IsAwaitingCode(CommandContext context) => context.State.PendingLink is not null;

    public async Task<HandlerResult> CheckCodeAsync(CommandContext context, string? typed, CancellationToken cancellationToken)
    {
        var pending = context.State.PendingLink;
        if (pending is null) return new HandlerResult(new Reply(texts.Get("linkNotPending", context.Language)), CommandOutcomeKind.Invalid, ActionNames.Code);
        if (guard.IsLocked(pending.Msisdn))
        {
            context.State.PendingLink = null;
            return new HandlerResult(new Reply(texts.Get("linkRefused", context.Language)), CommandOutcomeKind.Refused, ActionNames.Code);
        }
        if (time.GetUtcNow() > pending.ExpiresAt || pending.AttemptsLeft <= 0)
        {
            context.State.PendingLink = null;
            return new HandlerResult(new Reply(texts.Get("linkExpired", context.Language)), CommandOutcomeKind.Refused, ActionNames.Code);
        }

        var digits = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        var expected = Convert.FromHexString(pending.CodeHash);
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(Hash(context.State.Key, digits))))
        {
            pending.AttemptsLeft--;
            guard.RecordFailure(pending.Msisdn);
            if (pending.AttemptsLeft <= 0 || guard.IsLocked(pending.Msisdn))
            {
                context.State.PendingLink = null;
                return new HandlerResult(new Reply(texts.Get("linkExpired", context.Language)), CommandOutcomeKind.Refused, ActionNames.Code);
            }
            return new HandlerResult(new Reply(texts.Get("linkWrongCode", context.Language, ("attempts", pending.AttemptsLeft))), CommandOutcomeKind.Refused, ActionNames.Code);
        }

        context.State.PendingLink = null;
        guard.RecordSuccess(pending.Msisdn);
        var message = context.Message;
        var customer = await customers.LinkAsync(pending.Msisdn, message.Channel, message.SenderAddress, ProfileLanguageFromSubscriber, cancellationToken);
        await history.ClaimAsync(message.Channel, message.SenderAddress, customer.Id, cancellationToken);
        context.Customer = customer;
        NotifyOwner(context, pending.Msisdn, customer.Language ?? (await provisioning.FindSubscriberAsync(pending.Msisdn, cancellationToken))?.Language);
        return new HandlerResult(new Reply(texts.Get("linkDone", context.Language, ("msisdn", Mask(pending.Msisdn)))), CommandOutcomeKind.Executed, ActionNames.Code);
    }

    /// <summary>
    /// The phone's owner hears of every new link by SMS, so a takeover cannot go unnoticed; in their profile's language,
    /// not in the language of whoever typed LINK (who may not be the owner at all).
    /// </summary>
    private void NotifyOwner(CommandContext context, string msisdn, string? ownersLanguage) =>
        context.Extra.Add(new Outgoing(policy.Options.LinkCodeChannel, msisdn, msisdn,
            new Reply(texts.Get("linkNotice", string.IsNullOrEmpty(ownersLanguage) ? context.Language : ownersLanguage,
                ("msisdn", Mask(msisdn)), ("channel", context.Message.Channel)))));

    /// <summary>The language of the number's owner: their profile's, else their subscriber record's, else the message's.</summary>
    private async Task<string> OwnersLanguageAsync(CommandContext context, string msisdn, string? subscriberLanguage, CancellationToken cancellationToken)
    {
        var owner = await customers.FindByMsisdnAsync(msisdn, cancellationToken);
        return owner?.Language ?? (string.IsNullOrEmpty(subscriberLanguage) ? context.Language : subscriberLanguage);
    }

    // Bound to the conversation, so a code stolen from one chat is worthless in another.
    private static string Hash(string conversationKey, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(conversationKey + "|" + code)));

    /// <summary>+7916***4567: enough for the customer to recognise, not enough to harvest.</summary>
    internal static string Mask(string msisdn) => msisdn.Length <= 7 ? msisdn : msisdn[..5] + "***" + msisdn[^4..];
}
