using System.Text.Json;

namespace SelfService.ActionCodes;

/// <summary>Turns catalogue JSON into validated definitions, with errors that name the action and field to fix.</summary>
internal static class ActionCatalogueReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field ("alias" for "aliases") would otherwise be ignored and the action would silently lose its keywords.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static CatalogueContents Read(string json, string source)
    {
        CatalogueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogueDocument>(json, Options);
        }
        catch (JsonException ex)
        {
            // The serializer counts lines from zero and appends its own position; an operator's editor counts from one.
            var reason = ex.Message.Split(" Path: ")[0];
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, at {ex.Path})" : "";
            throw new ActionCatalogueException($"{source}: not a valid catalogue{where}: {reason}", ex);
        }

        if (document?.Actions is null)
        {
            throw new ActionCatalogueException($"{source}: the \"actions\" list is missing.");
        }

        var actions = new List<ActionDefinition>(document.Actions.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var aliasOwners = new Dictionary<string, (string Code, string Alias)>(StringComparer.Ordinal);
        for (var i = 0; i < document.Actions.Count; i++)
        {
            var action = ToDefinition(document.Actions[i], $"{source}: action #{i + 1}");
            if (!codes.Add(action.Code))
            {
                throw new ActionCatalogueException($"{source}: the code {action.Code} is defined twice.");
            }

            foreach (var alias in action.Aliases.Values.SelectMany(aliases => aliases))
            {
                // Compared on the skeleton: Cyrillic "ТОР" and Latin "TOP" cannot mean two different things.
                var skeleton = KeywordText.Skeleton(alias);
                if (aliasOwners.TryGetValue(skeleton, out var owner) && owner.Code != action.Code)
                {
                    throw new ActionCatalogueException(
                        $"{source}: the alias \"{alias}\" of {action.Code} is the same as (or looks like) the alias \"{owner.Alias}\" of {owner.Code}.");
                }

                aliasOwners.TryAdd(skeleton, (action.Code, alias));
            }

            actions.Add(action);
        }

        var topics = ReadTopics(document.HelpTopics, $"{source}: \"helpTopics\"");
        foreach (var action in actions.Where(a => a.Topic is not null && topics.All(t => t.Code != a.Topic)))
        {
            throw new ActionCatalogueException($"{source}: the topic {action.Topic} of {action.Code} is not in \"helpTopics\".");
        }

        var campaignTopics = ReadTopics(document.CampaignTopics, $"{source}: \"campaignTopics\"").Select(t => new CampaignTopic(t.Code, t.Names, t.Titles)).ToList();
        var vocabulary = ReadVocabulary(document.Understanding, $"{source}: \"understanding\"");
        foreach (var action in actions)
        {
            foreach (var group in action.Combinations.SelectMany(c => c.Groups).Where(g => !vocabulary.WordGroups.ContainsKey(g)))
            {
                throw new ActionCatalogueException($"{source}: a combination of {action.Code} names the word group \"{group}\", which is not in \"understanding\".\"wordGroups\".");
            }
        }

        return new CatalogueContents(actions, vocabulary, topics, campaignTopics);
    }

    private static List<HelpTopic> ReadTopics(IReadOnlyList<HelpTopicEntry?>? entries, string where)
    {
        var topics = new List<HelpTopic>();
        foreach (var entry in entries ?? [])
        {
            var code = entry?.Code?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(code) || code.Any(char.IsWhiteSpace))
            {
                throw new ActionCatalogueException($"{where}: a topic's \"code\" must be one word, such as SERVICES.");
            }

            if (topics.Any(t => t.Code == code))
            {
                throw new ActionCatalogueException($"{where}: the topic {code} is defined twice.");
            }

            topics.Add(new HelpTopic(code, ReadAliases(entry!.Names, $"{where} ({code}), names"), ReadDescriptions(entry.Titles, $"{where} ({code})")));
        }

        return topics;
    }

    private static UnderstandingVocabulary ReadVocabulary(UnderstandingSection? section, string where)
    {
        if (section is null)
        {
            return UnderstandingVocabulary.Empty;
        }

        var services = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (code, aliases) in section.ServiceAliases ?? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string?>?>?>())
        {
            var key = code.Trim().ToUpperInvariant();
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                throw new ActionCatalogueException($"{where}: a service code in \"serviceAliases\" must be one word, such as ROAMING.");
            }

            services[key] = ReadWordLists(aliases, $"{where}, serviceAliases {key}");
        }

        var groups = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var (name, words) in section.WordGroups ?? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string?>?>?>())
        {
            var key = name.Trim().ToLowerInvariant();
            if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '+' or '?'))
            {
                throw new ActionCatalogueException($"{where}: a word group's name in \"wordGroups\" must be one word, such as agent.");
            }

            groups[key] = ReadWordLists(words, $"{where}, wordGroups {key}");
        }

        var asWritten = (section.WordGroupsAsWritten ?? []).Select(name => (name ?? "").Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in asWritten.Where(name => !groups.ContainsKey(name)))
        {
            throw new ActionCatalogueException($"{where}: \"wordGroupsAsWritten\" names \"{name}\", which is not in \"wordGroups\".");
        }

        return new UnderstandingVocabulary(
            ReadWordLists(section.Fillers, $"{where}, fillers"), ReadWordLists(section.QuestionMarkers, $"{where}, questionMarkers"), services,
            ReadWordLists(section.Languages, $"{where}, languages"))
        {
            WordGroups = groups,
            WordGroupsAsWritten = asWritten,
            ClauseWords = ReadWordLists(section.ClauseWords, $"{where}, clauseWords"),
            LanguageRefusals = ReadWordLists(section.LanguageRefusals, $"{where}, languageRefusals"),
        };
    }

    /// <summary>Lower-case phrases per language, single spaces; an empty one is an error, since it would match every message.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadWordLists(IReadOnlyDictionary<string, IReadOnlyList<string?>?>? lists, string where)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (language, words) in lists ?? new Dictionary<string, IReadOnlyList<string?>?>())
        {
            var normalized = (words ?? []).Select(word => KeywordText.Normalize(word ?? "").ToLowerInvariant()).ToArray();
            if (normalized.Any(word => word.Length == 0))
            {
                throw new ActionCatalogueException($"{where}: a phrase in \"{language}\" is empty.");
            }

            result[ReadLanguage(language, where)] = normalized;
        }

        return result;
    }

    private static ActionDefinition ToDefinition(CatalogueEntry? entry, string where)
    {
        if (entry is null)
        {
            throw new ActionCatalogueException($"{where} is empty.");
        }

        var code = entry.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Any(char.IsWhiteSpace))
        {
            throw new ActionCatalogueException($"{where}: \"code\" must be one word, such as BAL.");
        }

        where = $"{where} ({code})";
        return new ActionDefinition(
            code, ReadAliases(entry.Aliases, where), ReadArgument(entry.Argument, where), ReadDescriptions(entry.Descriptions, where),
            ReadWordLists(entry.Phrases, $"{where}, phrases"), entry.ActsOnQuestion ?? false, entry.Topic?.Trim().ToUpperInvariant())
        {
            Combinations = ReadCombinations(entry.Combinations, where),
            ArgumentOptional = entry.ArgumentOptional ?? false,
        };
    }

    private static List<WordCombination> ReadCombinations(IReadOnlyList<string?>? combinations, string where)
    {
        var result = new List<WordCombination>();
        foreach (var text in combinations ?? [])
        {
            result.Add(WordCombination.Parse(text ?? "")
                ?? throw new ActionCatalogueException($"{where}: the combination \"{text}\" names no required word group, or one twice; write it as \"agent + need\"."));
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAliases(IReadOnlyDictionary<string, IReadOnlyList<string?>?>? aliases, string where)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (language, words) in aliases ?? new Dictionary<string, IReadOnlyList<string?>?>())
        {
            var normalized = (words ?? []).Select(word => KeywordText.Normalize(word ?? "")).ToArray();
            if (normalized.Any(word => word.Length == 0))
            {
                throw new ActionCatalogueException($"{where}: an alias in \"{language}\" is empty.");
            }

            result[ReadLanguage(language, where)] = normalized;
        }

        if (result.Values.All(words => words.Count == 0))
        {
            throw new ActionCatalogueException($"{where}: \"aliases\" is empty; give at least one keyword.");
        }

        return result;
    }

    private static Dictionary<string, string> ReadDescriptions(IReadOnlyDictionary<string, string?>? descriptions, string where)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in descriptions ?? new Dictionary<string, string?>())
        {
            result[ReadLanguage(language, where)] = text?.Trim() ?? "";
        }

        return result;
    }

    private static ArgumentKind ReadArgument(string? argument, string where)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return ArgumentKind.None;
        }

        // Enum.TryParse would also take "3" or "1,2"; an operator should write the name.
        foreach (var kind in Enum.GetValues<ArgumentKind>())
        {
            if (string.Equals(kind.ToString(), argument.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new ActionCatalogueException(
            $"{where}: unknown \"argument\" \"{argument}\"; use one of {string.Join(", ", Enum.GetNames<ArgumentKind>())}.");
    }

    private static string ReadLanguage(string language, string where)
    {
        var trimmed = language.Trim().ToLowerInvariant();
        return trimmed.Length > 0 ? trimmed : throw new ActionCatalogueException($"{where}: a language name is empty.");
    }
}
