namespace SelfService.Channels.Voice.Tests;

public class VoiceNumberPlanTests
{
    private static readonly VoiceNumberPlan Plan = new(new Dictionary<string, VoiceNumber>
    {
        ["0611"] = new() { Menu = "*100#" },
        ["+7 495 000-06-12"] = new() { Action = "BAL" },
    });

    [TestCase("0611", "*100#")]
    [TestCase("06-11", "*100#")]
    [TestCase("+74950000612", "BAL")]
    [TestCase("+7.495.000.06.12", "BAL")]
    public void Find_TheDialledNumberAsTrunksWriteIt(string dialled, string opens)
    {
        var entry = Plan.Find(dialled);

        Assert.That(entry?.Menu ?? entry?.Action, Is.EqualTo(opens));
    }

    [TestCase("74950000612", Description = "without its plus the number is another")]
    [TestCase("0612")]
    [TestCase("service")]
    [TestCase("")]
    public void Find_ANumberNotInThePlan_IsNone(string dialled) => Assert.That(Plan.Find(dialled), Is.Null);
}
