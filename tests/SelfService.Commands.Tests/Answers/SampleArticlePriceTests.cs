using System.Text.Json;
using System.Text.RegularExpressions;
using SelfService.Commands.Answers;
using SelfService.Commands.Tests.Understanding;
using SelfService.Commands.Texts;
using SelfService.Commands.Understanding;
using SelfService.Testing;

namespace SelfService.Commands.Tests.Answers;

/// <summary>
/// One source of truth for service facts (issue 12, item 4): the sample articles quote the prices of the catalogue's
/// services through <c>{{service:CODE.field}}</c> placeholders, never as written numbers that can drift from
/// <c>samples/operator/services.json</c>.
/// </summary>
/// <remarks>
/// A price is a number with a currency (₽, руб, RUB, roubles). Prices that are no service's
/// fee (roaming per-minute rates, the promised payment's commission) are not in the catalogue and stay as written: the
/// rule is about a sentence (or table cell) that names a catalogue service by its name or an alias.
/// </remarks>
public sealed partial class SampleArticlePriceTests
{
    private static readonly ServiceFacts Facts = new(ReplyTexts.LoadDefault());

    private static readonly List<(string Id, string Language, string Answer)> Answers = LoadAnswers();

    [Test]
    public void SampleArticles_QuoteServicePrices_OnlyThroughPlaceholders()
    {
        var fillers = SampleInterpreter.Catalogue.Vocabulary.Fillers.Values.SelectMany(w => w).SelectMany(w => WordForms.Split(w)).Select(w => w.Text).ToHashSet();
        var services = new ServiceMatcher(SampleInterpreter.Services, SampleInterpreter.Catalogue.Vocabulary, fillers);

        var written = (
            from answer in Answers
            from sentence in Sentences().Split(answer.Answer)
            where StatedPrice().IsMatch(sentence)
            let named = services.Find([.. WordForms.Split(sentence)])
            where named.ByWholeName
            select $"[{answer.Id}] {string.Join(",", named.Codes)}: {sentence.Trim()}").ToList();

        Assert.That(written, Is.Empty, "a price written next to a catalogue service instead of {{service:CODE.monthlyFee}}");
    }

    [Test]
    public void SampleArticles_Placeholders_NameACatalogueServiceAndField()
    {
        var codes = SampleInterpreter.Services.Select(s => s.Code).ToHashSet();
        var wrong = Answers
            .SelectMany(a => ServiceFacts.PlaceholdersIn(a.Answer).Select(p => (a.Id, p.Code, p.Field)))
            .Where(p => !codes.Contains(p.Code) || !ServiceFacts.Fields.Contains(p.Field))
            .Select(p => $"[{p.Id}] {p.Code}.{p.Field}").ToList();
        var unrendered = Answers.Where(a => Facts.Render(a.Answer, SampleInterpreter.Services, a.Language).Contains("{{", StringComparison.Ordinal)).Select(a => a.Id);

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty);
            Assert.That(unrendered, Is.Empty);
            Assert.That(Answers.Sum(a => ServiceFacts.PlaceholdersIn(a.Answer).Count()), Is.GreaterThan(0), "the articles do quote the catalogue");
        });
    }

    [TestCase("Voicemail costs {{service:VOICEMAIL.monthlyFee}} a month.", "en", "Voicemail costs 49 RUB a month.")]
    [TestCase("Автоответчик — {{service:VOICEMAIL.monthlyFee}} в месяц.", "ru", "Автоответчик — 49 ₽ в месяц.")]
    [TestCase("Activation: {{service:ROAMING.activationFee}}.", "en", "Activation: free.")]
    [TestCase("{{service:SMSPACK.name}}", "ru", "Пакет 300 SMS")]
    [TestCase("ВКЛ {{service:CALLERID.code}}", "ru", "ВКЛ АОН")]
    [TestCase("{{service:NOSUCH.monthlyFee}} and {{service:ROAMING.colour}}", "en", "{{service:NOSUCH.monthlyFee}} and {{service:ROAMING.colour}}")]
    public void Render_Placeholders_ComeFromTheCatalogue(string text, string language, string expected) =>
        Assert.That(Facts.Render(text, SampleInterpreter.Services, language), Is.EqualTo(expected));

    private static List<(string Id, string Language, string Answer)> LoadAnswers()
    {
        var answers = new List<(string, string, string)>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.KnowledgeBaseSamples, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var article in document.RootElement.GetProperty("articles").EnumerateArray())
            {
                var id = article.GetProperty("id").GetString()!;
                var language = article.GetProperty("language").GetString()!;
                answers.Add((id, language, article.GetProperty("shortAnswer").GetString()!));
                var longAnswer = article.GetProperty("longAnswer");
                answers.Add((id, language, longAnswer.ValueKind == JsonValueKind.Array
                    ? string.Join("\n", longAnswer.EnumerateArray().Select(l => l.GetString()))
                    : longAnswer.GetString()!));
            }
        }

        return answers;
    }

    // Sentences, lines, list items and table cells.
    [GeneratedRegex(@"(?<=[.!?])\s+|\n|;|\|")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*(?:₽|руб|rub|roubles?|rubles?)", RegexOptions.IgnoreCase)]
    private static partial Regex StatedPrice();
}
