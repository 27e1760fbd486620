using System.Text.Json;
using System.Text.RegularExpressions;
using SelfService.KnowledgeBase;

namespace SelfService.Desk.Tests;

/// <summary>Every word the pages ask for exists in Russian and English: a missing key would show as the key itself.</summary>
[TestFixture]
public sealed partial class DeskTextsTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = Load();

    [Test]
    public void EveryText_HasRussianAndEnglish()
    {
        var incomplete = Texts.Where(t => DeskTexts.Languages.Any(l => string.IsNullOrWhiteSpace(t.Value.GetValueOrDefault(l)))).Select(t => t.Key);

        Assert.That(incomplete, Is.Empty);
    }

    [Test]
    public void KnowledgePages_UseOnlyKeysThatExist()
    {
        var folder = Path.Combine(RepositoryRoot(), "gateway", "SelfService.Desk", "Pages", "Staff", "Kb");
        var used = Directory.EnumerateFiles(folder).SelectMany(file => KeyPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetNames<ArticleStatus>().Select(s => "kbStatus" + s))
            .Concat(Enum.GetNames<TransitionKind>().Select(k => "kbStep" + k))
            .Concat(new[] { ArticleFields.Title, ArticleFields.Category, ArticleFields.Questions, ArticleFields.Keywords, ArticleFields.ShortAnswer, ArticleFields.LongAnswer }.Select(f => "kbField_" + f))
            .Distinct().ToList();

        Assert.That(used, Has.Count.GreaterThan(50), "the pattern finds the pages' keys");
        Assert.That(used.Where(key => !Texts.ContainsKey(key)), Is.Empty);
    }

    [Test]
    public void CampaignPages_UseOnlyKeysThatExist()
    {
        var folder = Path.Combine(RepositoryRoot(), "gateway", "SelfService.Desk", "Pages", "Staff", "Campaigns");
        var used = Directory.EnumerateFiles(folder).SelectMany(file => CampaignKeyPattern().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetNames<SelfService.Storage.Campaigns.CampaignState>().Select(s => "cmState" + s))
            .Concat(Enum.GetNames<SelfService.Storage.Campaigns.RelativeDateKind>().Select(k => "cmRelative" + k))
            .Distinct().ToList();

        Assert.That(used, Has.Count.GreaterThan(80), "the pattern finds the pages' keys");
        Assert.That(used.Where(key => !Texts.ContainsKey(key)), Is.Empty);
    }

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        using var stream = typeof(DeskTexts).Assembly.GetManifestResourceStream("SelfService.Desk.desk.json")!;
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SelfService.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("SelfService.sln not found above the test directory");
    }

    [GeneratedRegex(@"(?:T|Texts\.Get)\(""(kb[A-Za-z_]+)""\s*[,)]")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"\b[Tt]\(""(cm[A-Za-z_]+|campaigns|live)""\s*[,)]")]
    private static partial Regex CampaignKeyPattern();
}
