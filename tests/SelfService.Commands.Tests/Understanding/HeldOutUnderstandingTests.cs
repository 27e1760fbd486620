using System.Globalization;
using System.Text;
using SelfService.Commands.Understanding;
using SelfService.Testing;

namespace SelfService.Commands.Tests.Understanding;

/// <summary>
/// The understanding layer's quality bar: requests written as customers write them (held-out.tsv; fresh-held-out.tsv
/// written later without looking at the catalogue; third-held-out.tsv, written and kept apart while the rules were tuned
/// on the fresh set's misses), never copied into the catalogue, read by the interpreter over the
/// sample operator. Also checks that the knowledge base's own held-out
/// questions stay questions, so the layer takes no answer away from the knowledge base.
/// </summary>
[TestFixture]
public sealed class HeldOutUnderstandingTests
{
    private const double RequiredAccuracy = 0.90;

    private static readonly string[] KnowledgeBaseSets = ["heldout-questions.tsv", "fresh-questions.tsv"];

    /// <summary>
    /// The fresh set's floor: below the first set's bar, since it was written untuned; a drop under it is a regression.
    /// Its misses (83.3 %) were since fixed by general rules (word combinations, "cancel" with a service), so it is a
    /// tuning set now, and the unbiased estimate is a newer set held apart from the code.
    /// </summary>
    private const double FreshRequiredAccuracy = 0.80;

    /// <summary>
    /// The third set scored once on arrival (session 7) at 79/90 = 87.8 %, short of the issue's 90 %; its misses were
    /// fixed by general rules in session 8, so it is a tuning set now and its floor a regression guard.
    /// </summary>
    private const double ThirdRequiredAccuracy = 0.85;

    /// <summary>
    /// The fourth set scored 118/132 = 89.4 % once on arrival (session 8); its misses were then fixed by general rules, so
    /// it is a tuning set with a regression floor, and the fifth set, written before those fixes, is the measure.
    /// </summary>
    private const double FourthRequiredAccuracy = 0.85;

    /// <summary>
    /// The fifth set was written before the rules the fourth set's misses led to, by a writer who saw neither catalogue,
    /// code nor earlier sets, and scored once on arrival (session 8) at 117/133 = 88.0 %, short of the issue's 90 %. Its
    /// misses were then fixed by general rules (clause words, STATUS and BAL combinations), so it is a tuning set too.
    /// </summary>
    private const double FifthRequiredAccuracy = 0.85;

    /// <summary>
    /// The sixth set: 200 requests written before the fifth set's fixes by a writer who saw neither catalogue, code nor
    /// earlier sets, asked to avoid the obvious phrasings the earlier sets hold (hurried, chatty, roundabout requests).
    /// Scored once on arrival (session 8) at 148/190 = 77.9 %; its misses then led to general rules (language refusals,
    /// linking a chat), so it is a tuning set too, and its floor a regression guard.
    /// </summary>
    private const double SixthRequiredAccuracy = 0.75;

    /// <summary>
    /// The seventh set is the unbiased measure now: 200 requests (half direct, half roundabout) written after the
    /// session's last rule change by a writer who saw neither catalogue, code nor earlier sets, and scored once on arrival
    /// (session 8) at 160/172 = 93.0 %. Its floor is the issue's bar: the layer must stay at 90 % on requests it was not
    /// tuned on.
    /// </summary>
    private const double SeventhRequiredAccuracy = 0.90;

    private List<HeldOutRequest> _requests = null!;

    [OneTimeSetUp]
    public void LoadTheSet() => _requests = Load("held-out.tsv");

    private static List<HeldOutRequest> Load(string file) =>
        HeldOutRequest.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "Understanding", file));

    [Test]
    public void HeldOutSet_CoversEveryIntentAndServiceInBothLanguages()
    {
        var codes = SampleInterpreter.Catalogue.Actions.Select(a => a.Code);
        Assert.Multiple(() =>
        {
            Assert.That(_requests, Has.Count.GreaterThanOrEqualTo(150));
            Assert.That(_requests.Count(r => r.Language == "ru"), Is.GreaterThanOrEqualTo(60));
            Assert.That(_requests.Count(r => r.Language == "en"), Is.GreaterThanOrEqualTo(60));
            Assert.That(codes.Append(HeldOutRequest.Question).Append(HeldOutRequest.Clarify), Is.SubsetOf(_requests.Select(r => r.Intent).Distinct()));
            foreach (var intent in new[] { "ACT", "DEACT" })
            {
                foreach (var language in new[] { "ru", "en" })
                {
                    var named = _requests.Where(r => r.Intent == intent && r.Language == language).Select(r => r.Slot);
                    Assert.That(SampleInterpreter.Services.Select(s => s.Code), Is.SubsetOf(named), $"{intent} in {language}");
                }
            }
        });
    }

    [TestCase("fresh-held-out.tsv")]
    [TestCase("third-held-out.tsv")]
    [TestCase("fourth-held-out.tsv")]
    [TestCase("fifth-held-out.tsv")]
    [TestCase("sixth-held-out.tsv")]
    [TestCase("seventh-held-out.tsv")]
    public void LaterSets_HaveAtLeast60RequestsInBothLanguages_NoneFromTheFirst(string file)
    {
        var fresh = Load(file);
        Assert.Multiple(() =>
        {
            Assert.That(fresh, Has.Count.GreaterThanOrEqualTo(60));
            Assert.That(fresh.Count(r => r.Language == "ru"), Is.GreaterThanOrEqualTo(25));
            Assert.That(fresh.Count(r => r.Language == "en"), Is.GreaterThanOrEqualTo(25));
            Assert.That(fresh.Select(r => r.Text).Intersect(_requests.Select(r => r.Text)), Is.Empty, "fresh means not in the first set");
        });
    }

    [TestCase("held-out.tsv")]
    [TestCase("fresh-held-out.tsv")]
    [TestCase("third-held-out.tsv")]
    [TestCase("fourth-held-out.tsv")]
    [TestCase("fifth-held-out.tsv")]
    [TestCase("sixth-held-out.tsv")]
    [TestCase("seventh-held-out.tsv")]
    public void HeldOutRequests_AreNotCopiedFromTheCatalogue(string file)
    {
        var requests = Load(file);
        var catalogue = SampleInterpreter.Catalogue;
        var wording = catalogue.Actions
            .SelectMany(a => a.Aliases.Values.Concat(a.Phrases.Values).SelectMany(p => p))
            .Concat(catalogue.Vocabulary.ServiceAliases.Values.SelectMany(l => l.Values).SelectMany(p => p))
            .Select(Normalize)
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(requests.Where(r => wording.Contains(Normalize(r.Text))).Select(r => r.Text), Is.Empty);
    }

    [TestCase("held-out.tsv", "held-out", RequiredAccuracy)]
    [TestCase("fresh-held-out.tsv", "fresh", FreshRequiredAccuracy)]
    [TestCase("third-held-out.tsv", "third", ThirdRequiredAccuracy)]
    [TestCase("fourth-held-out.tsv", "fourth", FourthRequiredAccuracy)]
    [TestCase("fifth-held-out.tsv", "fifth", FifthRequiredAccuracy)]
    [TestCase("sixth-held-out.tsv", "sixth", SixthRequiredAccuracy)]
    [TestCase("seventh-held-out.tsv", "seventh", SeventhRequiredAccuracy)]
    public void Interpret_HeldOutRequests_MeetTheBar(string file, string name, double required)
    {
        var requests = Load(file);
        var misses = new List<string>();
        foreach (var request in requests)
        {
            var interpretation = SampleInterpreter.Interpreter.Interpret(request.Text);
            if (!request.IsMetBy(interpretation))
            {
                var expected = request.Slot is null ? request.Intent : request.Intent + " " + request.Slot;
                misses.Add($"  [{request.Language}] \"{request.Text}\" expected {expected}, got {HeldOutRequest.Describe(interpretation)}");
            }
        }

        var right = requests.Count - misses.Count;
        var accuracy = (double)right / requests.Count;
        var byLanguage = requests.GroupBy(r => r.Language).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count(r => r.IsMetBy(SampleInterpreter.Interpreter.Interpret(r.Text)))}/{g.Count()}"));
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{name}: understanding accuracy: {right}/{requests.Count} = {accuracy:P1} (intent and slot right; {string.Join(", ", byLanguage)})");
        Print("understanding-" + name, headline, misses.Count == 0 ? "Misses: none" : "Misses:", misses);

        Assert.That(accuracy, Is.GreaterThanOrEqualTo(required));
    }

    /// <summary>
    /// The knowledge base's held-out questions must keep their answers: one the layer runs as a command is a hijack, unless
    /// the command is what its article is about ("подключите роминг пожалуйста" filed under roaming activation does
    /// activate roaming). A numbered question that offers "it was a question" is a detour, counted but not a hijack.
    /// </summary>
    [Test]
    public void Interpret_KnowledgeBaseHeldOutQuestions_AreNotHijacked()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "tests", "SelfService.KnowledgeBase.Tests", "Evaluation");
        var questions = KnowledgeBaseSets
            .SelectMany(set => File.ReadAllLines(Path.Combine(folder, set)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(q => (Language: q[0], Article: q[1], Text: q[2], Interpretation: SampleInterpreter.Interpreter.Interpret(q[2])))
            .ToList();

        string Line((string Language, string Article, string Text, Interpretation Interpretation) q) =>
            $"  [{q.Language}] \"{q.Text}\" ({q.Article}) -> {HeldOutRequest.Describe(q.Interpretation)}";
        var hijacked = questions.Where(q => q.Interpretation is UnderstoodRequest request && !ArticleActions.Allows(q.Article, request)
            || q.Interpretation is UnclearRequest { MayBeQuestion: false } unclear && !unclear.Candidates.Any(c => ArticleActions.Allows(q.Article, c))).Select(Line).ToList();
        var acted = questions.Count(q => q.Interpretation is UnderstoodRequest request && ArticleActions.Allows(q.Article, request));
        var detours = questions.Where(q => q.Interpretation is UnclearRequest { MayBeQuestion: true }).Select(Line).ToList();
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"knowledge-base held-out and fresh questions through the understanding layer: {questions.Count}; hijacked as another command: {hijacked.Count}; run as their article's own action: {acted}; asked first (with \"it was a question\"): {detours.Count}");
        Print("understanding-kb-questions", headline, hijacked.Count == 0 ? "Hijacked: none" : "Hijacked:", hijacked.Concat(detours.Prepend("Asked first:")));

        Assert.That(hijacked, Is.Empty);
    }

    private static void Print(string name, string headline, string listTitle, IEnumerable<string> lines)
    {
        // `dotnet test` hides a passing test's output; tests/run prints the *.figures.txt files after the suite.
        File.WriteAllLines(Path.Combine(TestContext.CurrentContext.WorkDirectory, name + ".figures.txt"), [headline]);
        var text = new StringBuilder(headline).AppendLine().AppendLine(listTitle);
        foreach (var line in lines) text.AppendLine(line);
        TestContext.Out.WriteLine(text);
        Console.WriteLine(text);
    }

    private static string Normalize(string text) =>
        new(text.ToLowerInvariant().Replace('ё', 'е').Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());
}
