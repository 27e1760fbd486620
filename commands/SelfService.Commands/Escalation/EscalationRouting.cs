using Microsoft.Extensions.Options;
using SelfService.Storage.Escalations;

namespace SelfService.Commands.Escalation;

/// <summary>
/// Sends a conversation to the group that knows its subject: by the topic (the menu the customer was in, or the
/// knowledge base's category of their question) and the language. The first configured group that takes both wins.
/// </summary>
public sealed class EscalationRouting(IOptions<EscalationOptions> options)
{
    public const string GeneralGroup = EscalationTicket.GeneralGroup;

    public string GroupFor(string topic, string language)
    {
        foreach (var group in options.Value.Groups)
        {
            var topicMatches = group.Topics.Count == 0 || group.Topics.Contains(topic, StringComparer.OrdinalIgnoreCase);
            var languageMatches = group.Languages.Count == 0 || group.Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
            if (topicMatches && languageMatches && group.Name.Length > 0) return group.Name;
        }
        return GeneralGroup;
    }

    /// <summary>Every group a ticket can be in or transferred to.</summary>
    public IReadOnlyList<string> Groups =>
        [.. options.Value.Groups.Select(g => g.Name).Where(n => n.Length > 0).Append(GeneralGroup).Distinct(StringComparer.OrdinalIgnoreCase)];
}
