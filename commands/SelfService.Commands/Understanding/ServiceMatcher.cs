using SelfService.ActionCodes;
using SelfService.Provisioning;

namespace SelfService.Commands.Understanding;

/// <summary>
/// Finds the services a message names, by code, name in any language, the backend's aliases and the catalogue's
/// per-language aliases ("автоответчик", "caller id"), in any word form; or, failing a whole name, by part of one
/// ("голосовую" for Голосовая почта, "10 гб" for Мобильный интернет 10 ГБ).
/// </summary>
public sealed class ServiceMatcher
{
    private readonly PhraseIndex<string> _names;
    private readonly Dictionary<string, HashSet<string>> _partsByStem = new(StringComparer.Ordinal);

    public ServiceMatcher(IReadOnlyList<ServiceOffer> offers, UnderstandingVocabulary vocabulary, IReadOnlySet<string> fillers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var names = new List<KeyValuePair<string, string>>();
        foreach (var offer in offers)
        {
            var own = vocabulary.ServiceAliases.GetValueOrDefault(offer.Code)?.Values.SelectMany(a => a) ?? [];
            foreach (var name in own.Concat(offer.Names.Values).Concat(offer.Aliases).Append(offer.Code))
            {
                names.Add(KeyValuePair.Create(name, offer.Code));
                foreach (var word in WordForms.Split(name).Where(w => !fillers.Contains(w.Text)))
                {
                    if (!_partsByStem.TryGetValue(word.Stem, out var codes)) _partsByStem[word.Stem] = codes = [];
                    codes.Add(offer.Code);
                }
            }
        }

        _names = new PhraseIndex<string>(names, fillers, StringComparer.Ordinal);
    }

    /// <summary>The services named in <paramref name="words"/> (a message's words without fillers).</summary>
    public ServiceMention Find(IReadOnlyList<MessageWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var whole = _names.Find(words);
        if (whole.Count > 0)
        {
            // The service named at most length wins: "мобильный интернет" over a stray "sms" elsewhere is rare, but two
            // whole names of equal weight are a real choice to offer.
            var byCode = whole.GroupBy(m => m.Value).Select(g => (Code: g.Key, Weight: g.Sum(m => m.Weight), Matches: g.ToList())).ToList();
            var best = byCode.Max(c => c.Weight);
            var winners = byCode.Where(c => c.Weight == best).ToList();
            return new ServiceMention(
                [.. winners.Select(w => w.Code)],
                winners.SelectMany(w => w.Matches).SelectMany(m => m.Words).ToHashSet(), ByWholeName: true);
        }

        var parts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var code in _partsByStem.GetValueOrDefault(words[i].Stem) ?? [])
            {
                if (!parts.TryGetValue(code, out var positions)) parts[code] = positions = [];
                positions.Add(i);
            }
        }

        if (parts.Count == 0) return ServiceMention.None;
        var most = parts.Values.Max(w => w.Count);
        var fitting = parts.Where(p => p.Value.Count == most).ToList();
        return new ServiceMention([.. fitting.Select(p => p.Key)], fitting.SelectMany(p => p.Value).ToHashSet(), ByWholeName: false);
    }
}
