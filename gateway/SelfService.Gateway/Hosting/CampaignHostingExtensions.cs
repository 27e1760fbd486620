using SelfService.ActionCodes;
using Microsoft.Extensions.Options;
using SelfService.Campaigns;
using SelfService.Channels.Sms;
using SelfService.Commands;
using SelfService.Messaging;

namespace SelfService.Gateway.Hosting;

internal static class CampaignHostingExtensions
{
    /// <summary>Campaigns with their Quartz.NET scheduler; the topics a campaign may have are the catalogue's campaignTopics.</summary>
    public static WebApplicationBuilder AddGatewayCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section)
            .Validate(o => o.MaxPartsPerSecond > 0 && o.DefaultPartsPerSecond > 0 && o.DefaultPartsPerSecond <= o.MaxPartsPerSecond,
                "Campaigns:DefaultPartsPerSecond must be positive and at most Campaigns:MaxPartsPerSecond")
            .Validate(o => o.MaxSmsParts > 0 && o.PageSize > 0 && o.MaxListBytes > 0, "Campaigns:MaxSmsParts, PageSize and MaxListBytes must be positive")
            .Validate(o => RecipientClock.FindZone(o.DefaultTimeZone) is not null, "Campaigns:DefaultTimeZone must be an IANA time zone")
            .Validate(o => o.RelativeLookback > TimeSpan.Zero, "Campaigns:RelativeLookback must be positive")
            .Validate<IOptions<CommandOptions>>((o, commands) => !o.Channels.Contains(ChannelNames.Email)
                    || Uri.TryCreate(commands.Value.PublicBaseUrl, UriKind.Absolute, out _),
                "Campaigns:Channels lists email, so Commands:PublicBaseUrl must be set: a campaign mail's one-click unsubscribe link points there")
            // The SMSC bind sends at most MaxSubmitsPerSecond parts (each part is a submit_sm), replies included: a campaign
            // pace above it would be throttled by our own client, and slow every customer's reply behind it.
            .Validate<IOptions<SmsOptions>>((o, sms) => !sms.Value.Enabled || sms.Value.Smpp.MaxSubmitsPerSecond == 0
                    || o.MaxPartsPerSecond <= sms.Value.Smpp.MaxSubmitsPerSecond,
                "Campaigns:MaxPartsPerSecond is above the SMSC bind's Channels:Sms:Smpp:MaxSubmitsPerSecond: a campaign may not be paced faster than the bind sends")
            .ValidateOnStart();
        // The CSAT survey is checked at start like a campaign's: a survey that cannot be answered is refused before it is sent.
        builder.Services.AddOptions<CsatOptions>().BindConfiguration(CsatOptions.Section)
            .Validate(o => !o.Enabled || SelfService.Commands.Surveys.SurveyRules.Check(o.SurveyOrDefault, "ru", "Surveys:Csat:Survey").Count == 0,
                "Surveys:Csat:Survey is not a survey that can be answered: each question needs an id, a Russian text, choices with options, jumps forward")
            .ValidateOnStart();
        builder.Services.AddCampaigns(sp => [.. sp.GetRequiredService<ActionCatalogue>().CampaignTopics.Select(t => t.Code)]);
        return builder;
    }
}
