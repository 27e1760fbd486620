using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.ActionCodes;

// The file as written by the operator, before validation: every field is nullable because the file may omit it,
// and "$comment" may be a string or an array of lines.

internal sealed record CatalogueDocument(
    [property: JsonPropertyName("$comment")] JsonElement? Comment,
    [property: JsonPropertyName("actions")] IReadOnlyList<CatalogueEntry?>? Actions,
    [property: JsonPropertyName("understanding")] UnderstandingSection? Understanding = null,
    [property: JsonPropertyName("helpTopics")] IReadOnlyList<HelpTopicEntry?>? HelpTopics = null,
    [property: JsonPropertyName("campaignTopics")] IReadOnlyList<HelpTopicEntry?>? CampaignTopics = null);

/// <summary>A catalogue read and validated.</summary>
internal sealed record CatalogueContents(
    List<ActionDefinition> Actions, UnderstandingVocabulary Vocabulary, List<HelpTopic> Topics, List<CampaignTopic> CampaignTopics);

internal sealed record HelpTopicEntry(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("names")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Names,
    [property: JsonPropertyName("titles")] IReadOnlyDictionary<string, string?>? Titles);

internal sealed record CatalogueEntry(
    [property: JsonPropertyName("$comment")] JsonElement? Comment,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("argument")] string? Argument,
    [property: JsonPropertyName("aliases")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Aliases,
    [property: JsonPropertyName("descriptions")] IReadOnlyDictionary<string, string?>? Descriptions,
    [property: JsonPropertyName("phrases")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Phrases = null,
    [property: JsonPropertyName("actsOnQuestion")] bool? ActsOnQuestion = null,
    [property: JsonPropertyName("argumentOptional")] bool? ArgumentOptional = null,
    [property: JsonPropertyName("topic")] string? Topic = null,
    [property: JsonPropertyName("combinations")] IReadOnlyList<string?>? Combinations = null);

internal sealed record UnderstandingSection(
    [property: JsonPropertyName("$comment")] JsonElement? Comment,
    [property: JsonPropertyName("fillers")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Fillers,
    [property: JsonPropertyName("questionMarkers")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? QuestionMarkers,
    [property: JsonPropertyName("serviceAliases")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string?>?>?>? ServiceAliases,
    [property: JsonPropertyName("languages")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Languages = null,
    [property: JsonPropertyName("wordGroups")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string?>?>?>? WordGroups = null,
    [property: JsonPropertyName("wordGroupsAsWritten")] IReadOnlyList<string?>? WordGroupsAsWritten = null,
    [property: JsonPropertyName("clauseWords")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? ClauseWords = null,
    [property: JsonPropertyName("languageRefusals")] IReadOnlyDictionary<string, IReadOnlyList<string?>?>? LanguageRefusals = null);
