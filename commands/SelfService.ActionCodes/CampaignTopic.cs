namespace SelfService.ActionCodes;

/// <summary>
/// What a campaign is about (offers, news, surveys): a customer may stop one topic (<c>STOP PROMO</c>) and keep the
/// others. Service notices (one-time codes, a link made) belong to no topic and cannot be stopped.
/// </summary>
/// <param name="Code">The canonical name, one word: <c>PROMO</c>; campaigns name it as their topic.</param>
/// <param name="Names">What the customer types after STOP or START, per language (upper case): en → PROMO, ru → АКЦИИ.</param>
/// <param name="Titles">A few words per language saying what the topic holds, for confirmations.</param>
public sealed record CampaignTopic(
    string Code,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    IReadOnlyDictionary<string, string> Titles);
