using System.Globalization;
using System.Text;
using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// A campaign's message for one recipient: the text in their language (else the campaign's default), with the
/// placeholders {name}, {balance} and {service} filled, and the SMS parts it takes as the channel counts them.
/// </summary>
public static class CampaignText
{
    /// <summary>{date}: a relative campaign's date for the customer (the renewal, the activation); empty in others.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["name", "balance", "service", "date"];

    /// <summary>What a preview fills the placeholders with: long values, so the count is what the longest recipient costs.</summary>
    private static readonly IReadOnlyDictionary<string, string> Longest = new Dictionary<string, string>
    {
        ["name"] = new('W', 30), ["balance"] = "-99 999,99 RUB", ["service"] = new('W', 30), ["date"] = "31.12.2026",
    };

    public static string LanguageFor(Campaign campaign, string? language) =>
        language is not null && campaign.Texts.ContainsKey(language) ? language : campaign.DefaultLanguage;

    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder(template);
        foreach (var name in Placeholders) text.Replace("{" + name + "}", values.GetValueOrDefault(name) ?? "");
        return text.ToString();
    }

    /// <summary>The parts <paramref name="text"/> takes on <paramref name="profile"/>'s channel (UCS-2 when the channel gives no measure).</summary>
    public static int PartsOf(string text, ChannelProfile profile)
    {
        if (profile.PartsOf is { } counter) return counter(text);
        if (profile.Measure is { } measure) return measure(text).Parts;
        return text.Length <= SmsLength.Ucs2Single ? 1 : (text.Length + SmsLength.Ucs2Part - 1) / SmsLength.Ucs2Part;
    }

    /// <summary>A text's cost at its longest: the placeholders filled with long values, in the text's own alphabet.</summary>
    public static TextPreview Preview(string template, ChannelProfile profile)
    {
        // A long value in the text's alphabet: Cyrillic names keep a Cyrillic text UCS-2, Latin ones keep GSM-7 possible.
        var cyrillic = template.Any(c => c is >= 'А' and <= 'я');
        var values = Longest.ToDictionary(p => p.Key, p => cyrillic ? p.Value.Replace('W', 'Ж') : p.Value);
        var text = Render(template, values);
        var encoding = profile.Measure is { } measure ? measure(text).Encoding : SmsEncoding.Ucs2;
        return new TextPreview(text.Length, encoding.ToString(), PartsOf(text, profile));
    }

    public static string Money(decimal amount, string currency, string language) =>
        amount.ToString("0.00", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "ru-RU")) + " " + currency;
}

/// <summary>What one language's text costs at its longest: characters, encoding and SMS parts.</summary>
public sealed record TextPreview(int Characters, string Encoding, int Parts);
