using Microsoft.Extensions.Options;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Customers;
using SelfService.Storage.History;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Surveys;

namespace SelfService.Campaigns;

/// <summary>
/// Writes a run's audience out as recipient rows, a page at a time (a base of millions never sits in memory): a segment
/// is walked over the subscribers in order of number, an uploaded list over its numbers. The rows are keyed by campaign,
/// run and number, so a restart in the middle walks again and adds only what was missing. Placeholders' values, the
/// language and the time zone are taken here, once per recipient.
/// </summary>
public sealed class AudienceWriter(
    ICampaignStore campaigns, IAudienceSource audience, IProvisioningStore provisioning, ICustomerStore customers, IHistoryStore history, ISurveyStore surveys,
    IOptions<CampaignOptions> options)
{
    public async Task<int> WriteAsync(Campaign campaign, string run, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var services = (await provisioning.ServicesAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        var sequence = await campaigns.LastSequenceAsync(campaign.Id, run, cancellationToken) + 1;
        var relative = campaign.Trigger.Kind == TriggerKind.Relative ? new RelativeWindow(campaign, CampaignRun.TimeOf(run), options.Value.RelativeLookback) : null;
        var added = 0;
        string? after = null;
        var segment = campaign.Audience.Kind == AudienceKind.Segment ? await SegmentMatcher.ForAsync(campaign.Audience, history, surveys, cancellationToken) : null;
        while (true)
        {
            var page = new List<CampaignRecipient>(pageSize);
            if (campaign.Audience.Kind == AudienceKind.List)
            {
                var numbers = await campaigns.ListNumbersAsync(campaign.Id, after, pageSize, cancellationToken);
                if (numbers.Count == 0) break;
                after = numbers[^1];
                foreach (var msisdn in numbers)
                {
                    var subscriber = await provisioning.FindSubscriberAsync(msisdn, cancellationToken);
                    var customer = await customers.FindByMsisdnAsync(msisdn, cancellationToken);
                    if (relative is null) page.Add(RecipientOf(campaign, run, msisdn, subscriber, customer, services, null));
                    else if (subscriber is not null && relative.DueFor(subscriber) is { } occasion)
                        page.Add(RecipientOf(campaign, run, msisdn, subscriber, customer, services, occasion));
                }
            }
            else
            {
                var subscribers = await audience.SubscribersAfterAsync(after, pageSize, cancellationToken);
                if (subscribers.Count == 0) break;
                after = subscribers[^1].Msisdn;
                foreach (var subscriber in subscribers)
                {
                    var customer = await customers.FindByMsisdnAsync(subscriber.Msisdn, cancellationToken);
                    if (!await segment!.FitsAsync(subscriber, customer, cancellationToken)) continue;
                    if (relative is null) page.Add(RecipientOf(campaign, run, subscriber.Msisdn, subscriber, customer, services, null));
                    else if (relative.DueFor(subscriber) is { } occasion)
                        page.Add(RecipientOf(campaign, run, subscriber.Msisdn, subscriber, customer, services, occasion));
                }
            }
            foreach (var recipient in page) recipient.Sequence = sequence++;
            added += await campaigns.AddRecipientsAsync(page, cancellationToken);
        }
        return added;
    }

    /// <summary>Whether anyone is in the audience: a number uploaded, or a subscriber who fits the segment (the walk stops at the first).</summary>
    public async Task<bool> AnyAsync(Campaign campaign, CancellationToken cancellationToken) =>
        await CountAsync(campaign.Audience, campaign.Id, 1, cancellationToken) > 0;

    /// <summary>
    /// How many are in the audience, counting up to <paramref name="upTo"/>: the numbers uploaded to <paramref name="campaignId"/>'s
    /// list, or the subscribers who fit the segment. Opted-out and unreachable recipients are still in it: they are removed,
    /// and counted, at their turn.
    /// </summary>
    public async Task<int> CountAsync(CampaignAudience who, string? campaignId, int upTo, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        var count = 0;
        string? after = null;
        if (who.Kind == AudienceKind.List)
        {
            if (campaignId is null) return 0;
            while (count < upTo && await campaigns.ListNumbersAsync(campaignId, after, pageSize, cancellationToken) is { Count: > 0 } numbers)
            {
                count += numbers.Count;
                after = numbers[^1];
            }
            return Math.Min(count, upTo);
        }
        var segment = await SegmentMatcher.ForAsync(who, history, surveys, cancellationToken);
        while (await audience.SubscribersAfterAsync(after, pageSize, cancellationToken) is { Count: > 0 } page)
        {
            foreach (var subscriber in page)
                if (await segment.FitsAsync(subscriber, await customers.FindByMsisdnAsync(subscriber.Msisdn, cancellationToken), cancellationToken) && ++count >= upTo)
                    return count;
            after = page[^1].Msisdn;
        }
        return count;
    }

    private static CampaignRecipient RecipientOf(Campaign campaign, string run, string msisdn, ProvisionedSubscriber? subscriber, Customer? customer,
        Dictionary<string, ProvisionedService> services, RelativeOccasion? occasion)
    {
        var language = CampaignText.LanguageFor(campaign, customer?.Language ?? subscriber?.Language);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (subscriber is not null)
        {
            values["name"] = subscriber.Name;
            values["balance"] = CampaignText.Money(subscriber.Balance, subscriber.Currency, language);
            // {service}: the segment's service the subscriber has, else their first active one.
            var service = subscriber.Services.Where(SegmentMatcher.IsActive)
                .OrderByDescending(s => campaign.Audience.Services.Contains(s.Code, StringComparer.OrdinalIgnoreCase)).FirstOrDefault();
            if (service is not null && services.TryGetValue(service.Code, out var offered))
                values["service"] = offered.Names.GetValueOrDefault(language) ?? offered.Names.Values.FirstOrDefault() ?? service.Code;
        }
        if (occasion is { } due) values["date"] = due.Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return new CampaignRecipient
        {
            // A relative campaign's row is named by the customer's occasion, not the run: every fire that finds them due finds it there.
            Id = CampaignRecipient.KeyOf(campaign.Id, occasion?.Key ?? run, msisdn), CampaignId = campaign.Id, Run = run, Msisdn = msisdn, CustomerId = customer?.Id,
            Language = language, Values = values, TimeZone = RecipientClock.ZoneOfNumber(msisdn), State = RecipientState.Pending,
        };
    }

    /// <summary>A relative campaign's fire: who is due at it, each in their own time zone.</summary>
    private sealed class RelativeWindow(Campaign campaign, DateTimeOffset fireTime, TimeSpan lookback)
    {
        private readonly TimeZoneInfo _campaignZone = RecipientClock.FindZone(campaign.TimeZone) ?? TimeZoneInfo.Utc;

        public RelativeOccasion? DueFor(ProvisionedSubscriber subscriber)
        {
            var zone = RecipientClock.ZoneOfNumber(subscriber.Msisdn) is { } own ? RecipientClock.FindZone(own) ?? _campaignZone : _campaignZone;
            return RelativeDates.DueAt(campaign.Trigger, subscriber, zone, fireTime, lookback);
        }
    }
}
