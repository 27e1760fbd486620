using SelfService.Commands.Understanding;

namespace SelfService.Commands.Tests.Understanding;

public sealed class WordFormsTests
{
    [Test]
    public void Split_CaseEndings_ShareAStem() =>
        Assert.That(WordForms.Split("голосовую почту").Select(w => w.Stem), Is.EqualTo(WordForms.Split("Голосовая почта").Select(w => w.Stem)));

    [Test]
    public void Split_DigitsAndLetters_AreSeparateWords() =>
        Assert.That(WordForms.Split("10гб, пжл!").Select(w => w.Text), Is.EqualTo(new[] { "10", "гб", "пжл" }));

    [Test]
    public void Split_MixedScriptWord_TakesItsMainScript() =>
        Assert.That(WordForms.Split("рoуминг").Single().Text, Is.EqualTo("роуминг"));
}
