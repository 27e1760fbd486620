using System.Text.RegularExpressions;
using SelfService.Messaging;

namespace SelfService.Commands.Answers;

/// <summary>
/// Links between articles: an article's long answer names another as <c>[text](#article-id)</c> (the knowledge-base
/// file format's one way to link). Each channel gets them in its own form: a link to the gateway's page of that article
/// on the web and in email, numbered choices on SMS and USSD, buttons on Telegram and in the web chats.
/// </summary>
public static partial class ArticleLinks
{
    /// <summary>Where the gateway shows a published article: <c>/kb/{id}</c>.</summary>
    public const string PagePath = "/kb/";

    /// <summary>The ids linked from <paramref name="markdown"/>, first mention first, each once.</summary>
    public static IReadOnlyList<string> Targets(string markdown) =>
        [.. Link().Matches(markdown ?? "").Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The text with each article link replaced by what <paramref name="address"/> gives for its id: an address to link
    /// to, or null to leave the link's text alone (for a reader who cannot open the gateway's pages).
    /// </summary>
    public static string Rewrite(string markdown, Func<string, string?> address) =>
        Link().Replace(markdown ?? "", m => address(m.Groups["id"].Value) is { } url ? $"[{m.Groups["text"].Value}]({url})" : m.Groups["text"].Value);

    /// <summary>
    /// Where a link to another article leads on a channel: the gateway's page of it, under <paramref name="baseUrl"/> when
    /// set; without one, relative for the web chats (their pages are the gateway's own), and no link at all where a
    /// relative address leads nowhere (email, Telegram): the link's text stays.
    /// </summary>
    public static string? AddressFor(string channel, string articleId, string? baseUrl) =>
        !string.IsNullOrWhiteSpace(baseUrl) ? PageOf(articleId, baseUrl)
        : channel is ChannelNames.Email or ChannelNames.Telegram ? null
        : PageOf(articleId, null);

    /// <summary>The page of an article: relative (<c>/kb/id</c>) without a base, else under the base.</summary>
    public static string PageOf(string articleId, string? baseUrl) =>
        (string.IsNullOrWhiteSpace(baseUrl) ? "" : baseUrl.TrimEnd('/')) + PagePath + Uri.EscapeDataString(articleId);

    // The id syntax is the file format's: 1-64 of a-z 0-9 . _ -
    [GeneratedRegex(@"\[(?<text>[^\]\n]+)\]\(#(?<id>[a-z0-9._-]{1,64})\)")]
    private static partial Regex Link();
}
