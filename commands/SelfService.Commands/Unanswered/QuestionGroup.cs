namespace SelfService.Commands.Unanswered;

/// <summary>Unanswered questions that say the same thing, however worded: what an editor should write an article about.</summary>
/// <param name="TypicalWording">The wording customers used most often (the most recent of equals).</param>
/// <param name="Language">The language most of the asks were in: the article to write.</param>
/// <param name="Count">How many times the group was asked, all wordings together.</param>
/// <param name="Wordings">Each distinct wording, most asked first; the typical one is first.</param>
/// <param name="NowAnsweredBy">The article that answers the typical wording today, if one was published since.</param>
public sealed record QuestionGroup(
    string TypicalWording,
    string Language,
    int Count,
    IReadOnlyList<string> Wordings,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Channels,
    DateTimeOffset LastAsked,
    string? NowAnsweredBy = null);
