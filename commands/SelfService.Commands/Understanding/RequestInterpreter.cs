using System.Text.RegularExpressions;
using SelfService.ActionCodes;
using SelfService.Provisioning;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Reads a request written in the customer's own words ("хочу отключить автоответчик", "could you turn on roaming please")
/// as an action code of the catalogue, from the catalogue's phrases, fillers, question markers and service aliases.
/// </summary>
/// <remarks>
/// <para>Fillers and question markers aside, every word of the message should belong to the request: the intent's
/// phrase, the service, the phone or the digits. The share of words that do is the confidence: at
/// <see cref="ActShare"/> or more the request is understood, from <see cref="AskShare"/> it is asked about, below that
/// the message is left to the knowledge base ("balance on my card is wrong" is a question that mentions a balance).
/// Only the clauses that ask for the request count: "i need roaming, travelling to france next week" gives its reason
/// in a clause of its own.</para>
/// <para>A question ("how do I turn on roaming?") is left to the knowledge base unless its action says it
/// <see cref="ActionDefinition.ActsOnQuestion"/>: "how can I talk to a person?" wants a person.</para>
/// <para>Besides phrases, an action may be asked for by its word combinations: catalogue word groups found together
/// anywhere in the message ("нужен" of <c>need</c> and "сотрудник" of <c>agent</c> is AGENT), which reach customers'
/// many ways of saying one thing without listing every sentence.</para>
/// <para>Immutable, so one instance serves all threads; build a new one when the catalogue or the services change.</para>
/// </remarks>
public sealed partial class RequestInterpreter
{
    public const double ActShare = 0.5;
    public const double AskShare = 0.3;

    // A request is a line, not a letter: past this many words no request reaches AskShare, and a long e-mail body
    // should not cost a phrase search per word.
    private const int MaxWords = 40;

    // A keyword this short ("ON", "N", "ДА") is a code at the head of a message, and an ordinary word inside a sentence
    // ("which services are active on my number").
    private const int MaxCodeOnlyLength = 2;

    private readonly IReadOnlyDictionary<string, ActionDefinition> _actions;
    private readonly HashSet<string> _fillers;
    private readonly PhraseIndex<string> _intents;
    private readonly PhraseIndex<string> _spokenIntents;
    private readonly PhraseIndex<string> _leadingIntents;
    private readonly PhraseIndex<bool> _questionMarkers;
    private readonly ServiceMatcher _services;
    private readonly PhraseIndex<string> _languages;
    private readonly PhraseIndex<bool> _languageRefusals;
    private readonly string? _languageAction;
    private readonly Dictionary<string, PhraseIndex<bool>> _groups;
    private readonly List<(string Code, WordCombination Combination)> _combinations;
    private readonly Regex? _clauseWords;

    public RequestInterpreter(ActionCatalogue catalogue, IReadOnlyList<ServiceOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var vocabulary = catalogue.Vocabulary;
        _actions = catalogue.Actions.ToDictionary(a => a.Code, StringComparer.Ordinal);
        _fillers = Words(vocabulary.Fillers);
        _questionMarkers = new PhraseIndex<bool>(
            vocabulary.QuestionMarkers.Values.SelectMany(m => m).Select(m => KeyValuePair.Create(m, true)), new HashSet<string>(), byStem: false, typos: false);
        var phrases = (
            from action in catalogue.Actions
            from phrase in action.Aliases.Values.Concat(action.Phrases.Values).SelectMany(p => p)
            select KeyValuePair.Create(phrase, action.Code)).ToList();
        _leadingIntents = new PhraseIndex<string>(phrases.Where(p => IsCodeOnly(p.Key)), _fillers, StringComparer.Ordinal);
        phrases.RemoveAll(p => IsCodeOnly(p.Key));
        _intents = new PhraseIndex<string>(phrases.Where(p => !IsSpoken(p.Key)), _fillers, StringComparer.Ordinal);
        _spokenIntents = new PhraseIndex<string>(phrases.Where(p => IsSpoken(p.Key)), new HashSet<string>(), StringComparer.Ordinal);
        _services = new ServiceMatcher(offers, vocabulary, _fillers);
        _languages = new PhraseIndex<string>(
            vocabulary.Languages.SelectMany(l => l.Value.Select(name => KeyValuePair.Create(name, l.Key))), _fillers, StringComparer.Ordinal);
        _languageRefusals = new PhraseIndex<bool>(
            vocabulary.LanguageRefusals.Values.SelectMany(r => r).Select(r => KeyValuePair.Create(r, true)), new HashSet<string>(), byStem: false, typos: false);
        _languageAction = catalogue.Actions.FirstOrDefault(a => a.Argument == ArgumentKind.Language)?.Code;
        // Matched as written, fillers and question words included, like spoken phrases: "how much" of "how much credit is left".
        _groups = vocabulary.WordGroups.ToDictionary(
            g => g.Key,
            g => new PhraseIndex<bool>(
                g.Value.Values.SelectMany(w => w).Select(w => KeyValuePair.Create(w, true)), new HashSet<string>(), byStem: !vocabulary.WordGroupsAsWritten.Contains(g.Key)),
            StringComparer.Ordinal);
        _combinations = [.. catalogue.Actions.SelectMany(a => a.Combinations.Select(c => (a.Code, c)))];
        var clauseWords = vocabulary.ClauseWords.Values.SelectMany(w => w).OrderByDescending(w => w.Length).Select(Regex.Escape).ToList();
        // Before each clause word that stands as a word of its own: "because" in "…, because", not in "becauses".
        _clauseWords = clauseWords.Count == 0 ? null : new Regex(
            $@"(?<![\p{{L}}\d])(?=(?:{string.Join('|', clauseWords)})(?![\p{{L}}\d]))",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public Interpretation Interpret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phone = TakeSlot(PhonePattern(), ref text, minDigits: 10);
        var digits = TakeSlot(DigitsPattern(), ref text, minDigits: 4);
        var (words, clauseOf) = SplitClauses(text);
        if (words.Count > MaxWords) return NoRequest.Instance;
        var spoken = _spokenIntents.Find(words);
        var combined = Combined(words);
        var spokenWords = spoken.Concat(combined).SelectMany(m => m.Words).ToHashSet();
        // A question the catalogue words as a request ("how much do I have", "how much credit is left") is that request,
        // not one for the knowledge base; a question word outside it ("how much does roaming cost") still makes it a question.
        var markers = _questionMarkers.Find(words).Where(m => !m.Words.All(spokenWords.Contains)).ToList();
        // Fillers compare as written, not by stem: the stem of "меня" is that of "меню".
        var positions = Enumerable.Range(0, words.Count)
            .Where(i => !_fillers.Contains(words[i].Text) && !markers.Any(m => i >= m.Start && i < m.End))
            .ToList();
        // A spoken phrase made of fillers only ("what can you do") is all the request there is: its words count.
        positions = [.. positions.Union(spoken.Where(m => !m.Words.Any(positions.Contains)).SelectMany(m => m.Words)).Order()];
        var content = positions.Select(i => words[i]).ToList();

        var services = _services.Find(content);
        var intents = _intents.Find(content)
            .Concat(spoken.Concat(combined).Select(m => InContent(m, positions)).OfType<PhraseMatch<string>>())
            .ToList();
        // "disable roaming on my phone": the trailing "on" is a word of the sentence once a phrase has asked for the service.
        var serviceAskedFor = intents.Any(m => _actions[m.Value].Argument == ArgumentKind.Service);
        intents.AddRange(_leadingIntents.Find(content).Where(m => m.Start == 0 || !serviceAskedFor && AfterService(m, content.Count, services)));
        // A language named on its own ("english please", "по-русски") is a choice of language.
        var (languages, refusedWords) = ChosenLanguages(_languages.Find(content), words, positions);
        if (_languageAction is not null) intents.AddRange(languages.Select(m => m with { Value = _languageAction }));
        if (intents.Count == 0) return NoRequest.Instance;
        var language = languages.Select(m => m.Value).Distinct().Count() == 1 ? languages[0].Value : null;
        var readings = intents
            .GroupBy(m => m.Value)
            .Select(g => new Reading(_actions[g.Key], g.ToList()))
            .ToList();
        var ranked = readings
            .Select(r => (r.Action, r.Matches, Rank: (
                Slot: SlotFit(r, readings, services, phone, digits, language),
                Exact: r.Matches.All(m => m.Exact),
                Span: r.Span,
                Nearness: Nearness(r, services))))
            .OrderByDescending(c => c.Rank)
            .ToList();
        var best = ranked[0];

        // "a PUK code" names the CODE action but gives no code: a question, not a code to check.
        if (best.Action.Argument == ArgumentKind.Digits && digits is null) return NoRequest.Instance;

        var covered = best.Matches.SelectMany(m => m.Words).ToHashSet();
        if (best.Action.Argument == ArgumentKind.Service) covered.UnionWith(services.Words);
        if (best.Action.Argument == ArgumentKind.Language) covered.UnionWith(languages.SelectMany(m => m.Words).Concat(refusedWords));

        // The request is the clauses that ask for it; another clause gives a reason or asks something else ("i need
        // roaming, travelling to france next week"), and its words do not dilute the request.
        var requestClauses = covered.Select(i => clauseOf[positions[i]]).ToHashSet();
        var considered = Enumerable.Range(0, content.Count).Where(i => requestClauses.Contains(clauseOf[positions[i]])).ToList();
        var leftover = considered.Where(i => !covered.Contains(i)).ToList();
        var share = considered.Count == 0 ? 1.0 : (double)covered.Count / considered.Count;
        if (share < AskShare) return NoRequest.Instance;

        // A question about the request itself ("how do I turn on roaming?") is the knowledge base's. One asked in a clause
        // of its own beside a clear request ("turn on roaming. how much is it?") is answered by the confirmation, which
        // names the price; beside an unclear one, the message is a question.
        var askedAboutIt = markers.Any(m => m.Words.Any(w => requestClauses.Contains(clauseOf[w])));
        var askedBeside = markers.Count > 0 && !askedAboutIt;
        if (askedAboutIt && !best.Action.ActsOnQuestion) return NoRequest.Instance;

        // A service named outside the request ("stop roaming" is not STOP) leaves it unsure, whatever the share; so does a
        // service known only by part of its name, unless every word is accounted for.
        var takesService = best.Action.Argument == ArgumentKind.Service;
        var strayService = !takesService && services.ByWholeName && services.Words.Any(i => !covered.Contains(i));
        var partialService = takesService && services.Codes.Count > 0 && !services.ByWholeName && leftover.Count > 0;
        var sure = share >= ActShare && !strayService && !partialService;
        if (askedBeside && !sure && !best.Action.ActsOnQuestion) return NoRequest.Instance;

        // "Подключить" and words that name no service ("подключите безлимит на выходные") is not a request for a service.
        if (takesService && services.Codes.Count == 0 && leftover.Count > 0) return NoRequest.Instance;
        // So is "пишите мне на почту": a language request that names no language, with other words around it.
        if (best.Action.Argument == ArgumentKind.Language && language is null && leftover.Count > 0) return NoRequest.Instance;
        // Actions that fit exactly as well ("cancel" alone: NO, or DEACT of nothing named) are offered side by side.
        var candidates = ranked.Where(r => r.Rank == best.Rank).SelectMany(r => Candidates(r.Action, services, phone, digits, language)).ToList();
        if (candidates.Count == 1 && sure) return candidates[0];
        return new UnclearRequest(candidates, MayBeQuestion: !sure);
    }

    /// <summary>
    /// Of two languages named, the one beside a refusal ("i dont read russian", "английский не понимаю") is not the
    /// choice; the refusal and the refused language are words of the request all the same (content positions).
    /// </summary>
    private (IReadOnlyList<PhraseMatch<string>> Chosen, List<int> RefusedWords) ChosenLanguages(
        IReadOnlyList<PhraseMatch<string>> named, IReadOnlyList<MessageWord> words, List<int> positions)
    {
        if (named.Select(m => m.Value).Distinct().Count() < 2) return (named, []);
        var refusals = _languageRefusals.Find(words);
        // Just before or after it: "my english is bad", "english is really bad", "i dont read russian".
        bool Refused(PhraseMatch<string> language) =>
            refusals.Any(r => positions[language.Start] >= r.Start - 2 && positions[language.Start] <= r.End);
        var chosen = named.Where(m => !Refused(m)).ToList();
        if (chosen.Count == 0 || chosen.Count == named.Count) return (named, []);
        var refusedWords = named.Where(Refused).SelectMany(m => m.Words)
            .Concat(refusals.SelectMany(r => r.Words).Select(w => positions.IndexOf(w)).Where(i => i >= 0))
            .ToList();
        return (chosen, refusedWords);
    }

    /// <summary>
    /// A short keyword of a service action that ends the message right after the service's name ("roaming on please"),
    /// where it is the request, as at the head; inside a sentence ("which services are on my number") it is not.
    /// </summary>
    private bool AfterService(PhraseMatch<string> match, int count, ServiceMention services) =>
        match.End == count && services.ByWholeName && services.Words.Contains(match.Start - 1) && _actions[match.Value].Argument == ArgumentKind.Service;

    /// <summary>A keyword or phrase that comes down to one very short word once fillers are dropped ("N", "no thanks").</summary>
    private bool IsCodeOnly(string phrase)
    {
        var words = WordForms.Split(phrase).Where(w => !_fillers.Contains(w.Text)).ToList();
        return words.Count == 1 && words[0].Text.Length <= MaxCodeOnlyLength;
    }

    /// <summary>
    /// A phrase matched as written, fillers and question words included: one that asks a question ("how much do I have")
    /// or one that fillers would leave a single word ("what can you do" is not "what", and "call me" is not every "call").
    /// </summary>
    private bool IsSpoken(string phrase)
    {
        var words = WordForms.Split(phrase);
        return _questionMarkers.Find(words).Count > 0 || words.Count >= 2 && words.Count(w => !_fillers.Contains(w.Text)) <= 1;
    }

    /// <summary>
    /// A match over all the message's words, moved to the positions of its content words; its fillers stay out, so they
    /// weigh no more than in any other message. Null when it covers no content word.
    /// </summary>
    private static PhraseMatch<string>? InContent(PhraseMatch<string> match, List<int> positions)
    {
        var covered = match.Words.Select(i => positions.IndexOf(i)).Where(i => i >= 0).ToList();
        if (covered.Count == 0) return null;
        var start = covered.Min();
        var skipped = match.Skipped >= 0 ? positions.IndexOf(match.Skipped) : -1;
        return new PhraseMatch<string>(match.Value, start, covered.Max() - start + 1, match.Exact, skipped);
    }

    /// <summary>The requests an action makes of the message: one per fitting service, else one with its slot (or none: "which service?").</summary>
    private static IEnumerable<UnderstoodRequest> Candidates(ActionDefinition action, ServiceMention services, string? phone, string? digits, string? language) =>
        action.Argument switch
        {
            ArgumentKind.Service when services.Codes.Count > 0 => services.Codes.Select(code => new UnderstoodRequest(action.Code, code)),
            ArgumentKind.Service => [new UnderstoodRequest(action.Code, null)],
            ArgumentKind.Phone => [new UnderstoodRequest(action.Code, phone)],
            ArgumentKind.Digits => [new UnderstoodRequest(action.Code, digits)],
            ArgumentKind.Language => [new UnderstoodRequest(action.Code, language)],
            _ => [new UnderstoodRequest(action.Code, null)],
        };

    /// <summary>
    /// 6: the action's slot is in the message (a service by its whole name); 4: the action takes none, or may do without it
    /// (CALLBACK calls the customer's own number); 2: only part of a
    /// service's name is there ("list" of "block list"); 1: the action takes none, a service is named beside its words,
    /// and a service-taking action reads those same words at least as fully ("cancel the package": "cancel" is NO's and
    /// DEACT's, and the package makes it DEACT); 0: its slot is missing.
    /// </summary>
    private static int SlotFit(Reading reading, List<Reading> readings, ServiceMention services, string? phone, string? digits, string? language) => reading.Action.Argument switch
    {
        ArgumentKind.Service when services.Codes.Count > 0 => services.ByWholeName ? 6 : 2,
        ArgumentKind.Service => 0,
        ArgumentKind.Phone => phone is not null ? 6 : reading.Action.ArgumentOptional ? 4 : 0,
        ArgumentKind.Digits => digits is null ? 0 : 6,
        ArgumentKind.Language => language is null ? 0 : 6,
        _ when services.Codes.Count > 0 && services.Words.Any(i => !reading.Words.Contains(i)) && readings.Any(other =>
            other.Action.Argument == ArgumentKind.Service && reading.Words.IsSubsetOf(other.Words) && other.Span >= reading.Span) => 1,
        _ => 4,
    };

    /// <summary>
    /// Of two service actions that read the message equally well, the one whose words stand nearer the service is what
    /// the customer asks for: "хочу отказаться от пакета смс" wants it off, "want" only leads up to the verb. Minus the
    /// distance in words, so nearer ranks higher; 0 for actions that take no service.
    /// </summary>
    private static int Nearness(Reading reading, ServiceMention services) =>
        reading.Action.Argument == ArgumentKind.Service && services.Words.Count > 0
            ? -reading.Words.Min(w => services.Words.Min(s => Math.Abs(w - s)))
            : 0;

    /// <summary>One action the message may ask for, and the phrases that say so.</summary>
    private sealed record Reading(ActionDefinition Action, List<PhraseMatch<string>> Matches)
    {
        public HashSet<int> Words { get; } = [.. Matches.SelectMany(m => m.Words)];

        /// <summary>How much of the message speaks for the action: the weights of all its phrases.</summary>
        public int Span { get; } = Matches.Sum(m => m.Weight);
    }

    /// <summary>
    /// The actions whose word combinations the message makes (<c>agent + need</c>): for each, the words of its groups,
    /// over all the message's words. Each required group must be found by words no other group of it took.
    /// </summary>
    private List<PhraseMatch<string>> Combined(IReadOnlyList<MessageWord> words)
    {
        var result = new List<PhraseMatch<string>>();
        if (_combinations.Count == 0) return result;
        var found = new Dictionary<string, IReadOnlyList<PhraseMatch<bool>>>(StringComparer.Ordinal);
        IReadOnlyList<PhraseMatch<bool>> Find(string group)
        {
            if (!found.TryGetValue(group, out var matches)) found[group] = matches = _groups[group].Find(words);
            return matches;
        }

        foreach (var (code, combination) in _combinations)
        {
            var taken = new List<PhraseMatch<bool>>();
            var complete = true;
            foreach (var group in combination.Required)
            {
                var own = Find(group).Where(m => !Shares(m, taken)).ToList();
                if (own.Count == 0)
                {
                    complete = false;
                    break;
                }

                taken.AddRange(own);
            }

            if (!complete) continue;
            foreach (var group in combination.Optional) taken.AddRange(Find(group).Where(m => !Shares(m, taken)));
            result.AddRange(taken.Select(m => new PhraseMatch<string>(code, m.Start, m.Length, m.Exact, m.Skipped)));
        }

        return result;

        // By words, not spans: "turn [offers] back on" leaves "offers" to the marketing group.
        static bool Shares(PhraseMatch<bool> match, List<PhraseMatch<bool>> taken) => taken.Any(t => t.Words.Intersect(match.Words).Any());
    }

    /// <summary>
    /// The message's words, and for each the clause it is in: clauses end at punctuation (",", ".", ";", "!", "?", a
    /// line break, a dash between spaces) and before the catalogue's clause words ("because", "потому что"). A message
    /// without any is one clause, read as a whole.
    /// </summary>
    private (List<MessageWord> Words, List<int> ClauseOf) SplitClauses(string text)
    {
        var words = new List<MessageWord>();
        var clauseOf = new List<int>();
        var clause = 0;
        var parts = ClauseBreak().Split(text.Replace('ё', 'е').Replace('Ё', 'Е'));
        foreach (var part in _clauseWords is null ? parts : parts.SelectMany(p => _clauseWords.Split(p)))
        {
            var inPart = WordForms.Split(part);
            if (inPart.Count == 0) continue;
            words.AddRange(inPart);
            clauseOf.AddRange(Enumerable.Repeat(clause++, inPart.Count));
        }

        return (words, clauseOf);
    }

    /// <summary>Takes the first phone number (or run of digits) out of the text, so its digits are not read as words.</summary>
    private static string? TakeSlot(Regex pattern, ref string text, int minDigits)
    {
        var match = pattern.Match(text);
        if (!match.Success || match.Value.Count(char.IsAsciiDigit) < minDigits) return null;
        text = text.Remove(match.Index, match.Length).Insert(match.Index, " ");
        return new string([.. match.Value.Where(c => char.IsAsciiDigit(c) || c == '+')]);
    }

    private static HashSet<string> Words(IReadOnlyDictionary<string, IReadOnlyList<string>> words) =>
        words.Values.SelectMany(w => w).SelectMany(w => WordForms.Split(w)).Select(w => w.Text).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[,.;!?\r\n]+|\s[-–—]+\s")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(?<![\d+])\+?\d[\d\s\-()]{8,}\d(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<!\d)\d{4,8}(?!\d)")]
    private static partial Regex DigitsPattern();
}
