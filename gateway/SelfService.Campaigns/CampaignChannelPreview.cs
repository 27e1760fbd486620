using SelfService.Messaging;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// A campaign's first message in one language as each channel would carry it, with example values in the placeholders:
/// SMS (counted at its longest, as the SMS channel counts: characters, encoding, parts), Telegram (the text and a survey's
/// buttons) and email (the text, a survey's options numbered to reply to; the one-click unsubscribe link goes in the headers).
/// </summary>
public sealed record CampaignChannelPreview(string Language, TextPreview Sms, string SmsText, string TelegramText, IReadOnlyList<string> TelegramButtons, string EmailText)
{
    /// <summary>What the preview fills the placeholders with: a plausible customer in the text's language.</summary>
    public static IReadOnlyDictionary<string, string> ExampleValues(string language) => language == "en"
        ? new Dictionary<string, string> { ["name"] = "John Smith", ["balance"] = CampaignText.Money(250.5m, "RUB", "en"), ["service"] = "Roaming", ["date"] = "31.12.2026" }
        : new Dictionary<string, string> { ["name"] = "Иван Петров", ["balance"] = CampaignText.Money(250.5m, "RUB", "ru"), ["service"] = "Роуминг", ["date"] = "31.12.2026" };
}
