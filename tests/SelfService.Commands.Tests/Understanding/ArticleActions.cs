using SelfService.Commands.Understanding;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>
/// Which commands a sample article is about: a question filed under the article may be run as one of them instead of
/// answered ("подключите роуминг" under roaming-activate). The articles do not say it themselves yet (issue 12, item 3).
/// </summary>
internal static class ArticleActions
{
    private static readonly Dictionary<string, string[]> Actions = new(StringComparer.Ordinal)
    {
        ["check-balance"] = ["BAL"],
        ["service-status"] = ["STATUS"],
        ["help-codes"] = ["HELP"],
        ["link-number"] = ["LINK"],
        ["roaming-activate"] = ["ACT ROAMING"],
        ["internet-package"] = ["ACT INTERNET", "DEACT INTERNET"],
        ["voicemail"] = ["ACT VOICEMAIL", "DEACT VOICEMAIL"],
        ["ringback"] = ["ACT RINGBACK", "DEACT RINGBACK"],
        ["caller-id"] = ["ACT CALLERID", "DEACT CALLERID"],
        ["blacklist"] = ["ACT BLACKLIST", "DEACT BLACKLIST"],
        ["sms-pack"] = ["ACT SMSPACK", "DEACT SMSPACK"],
        ["contact-agent"] = ["AGENT", "CALLBACK"],
        ["marketing-opt-out"] = ["STOP"],
    };

    public static bool Allows(string articleId, UnderstoodRequest request)
    {
        var topic = articleId.EndsWith("-ru", StringComparison.Ordinal) || articleId.EndsWith("-en", StringComparison.Ordinal) ? articleId[..^3] : articleId;
        return Actions.TryGetValue(topic, out var codes) && codes.Contains(request.AsCode);
    }
}
