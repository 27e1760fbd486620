using SelfService.ActionCodes;
using SelfService.Commands.Texts;
using SelfService.Messaging;
using SelfService.Storage.Campaigns;

namespace SelfService.Commands.Campaigns;

/// <summary>
/// STOP and START, alone or with a campaign topic from the catalogue (<c>STOP PROMO</c>, <c>СТАРТ НОВОСТИ</c>): the
/// customer's consent to campaigns, per number and topic. The change is stored at once with its trail
/// (<see cref="IOptOutStore"/>), keyed by the message's id, so a message run again after a crash records nothing twice;
/// a campaign checks it just before each recipient's turn, so a STOP in the middle of a blast stops the rest of it.
/// Service notices belong to no topic: nothing here stops them.
/// </summary>
internal sealed class MarketingConsent(ActionCatalogue catalogue, IOptOutStore optOuts, ReplyTexts texts, TimeProvider time)
{
    public async Task<HandlerResult> ChangeAsync(CommandContext context, string code, string? argument, CancellationToken cancellationToken)
    {
        var stop = code == ActionNames.Stop;
        var topic = argument is null ? null : catalogue.CampaignTopicNamed(argument);
        if (context.Customer is { } customer && !string.IsNullOrEmpty(customer.Msisdn))
        {
            await optOuts.ApplyAsync(new OptOutChange
            {
                Id = context.Message.Id, Msisdn = customer.Msisdn, Topic = topic?.Code ?? OptOutChange.AllTopics, OptedOut = stop,
                Channel = context.Message.Channel, Text = context.Message.Text, At = time.GetUtcNow(),
            }, cancellationToken);
            // The profile's flag says "no campaigns at all", as before topics existed; the store holds the topics.
            if (topic is null && customer.AcceptsCampaigns == stop)
            {
                customer.AcceptsCampaigns = !stop;
                if (!context.ChangedCustomers.Contains(customer)) context.ChangedCustomers.Add(customer);
            }
        }

        var reply = topic is null
            ? texts.Get(stop ? "stopped" : "started", context.Language)
            : texts.Get(stop ? "stoppedTopic" : "startedTopic", context.Language, ("topic", TitleOf(topic, context.Language)), ("code", NameOf(topic, context.Language)));
        return new HandlerResult(new Reply(reply), CommandOutcomeKind.Executed, topic is null ? code : code + " " + topic.Code);
    }

    private static string TitleOf(CampaignTopic topic, string language) =>
        topic.Titles.GetValueOrDefault(language) ?? topic.Titles.Values.FirstOrDefault() ?? topic.Code;

    private static string NameOf(CampaignTopic topic, string language) =>
        topic.Names.GetValueOrDefault(language)?.FirstOrDefault() ?? topic.Code;
}
