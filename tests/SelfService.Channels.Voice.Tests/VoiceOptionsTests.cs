namespace SelfService.Channels.Voice.Tests;

/// <summary>The operator's mistakes in Channels:Voice are named at start, each with the setting to mend.</summary>
public class VoiceOptionsTests
{
    private static VoiceOptions Valid() => new()
    {
        Enabled = true,
        Numbers = { ["0611"] = new VoiceNumber { Menu = "*100#" } },
        Callback = { Trunk = "10.0.0.1:5060" },
    };

    [Test]
    public void ASampleConfiguration_HasNoProblems() => Assert.That(Valid().Problems(), Is.Empty);

    [TestCase("10.0.0.1:70000", Description = "no such port")]
    [TestCase("trunk.example:5060", Description = "a name: the gateway calls addresses")]
    public void CallbackTrunk_NotAnAddressAndPort_IsNamed(string trunk)
    {
        var options = Valid();
        options.Callback.Trunk = trunk;

        Assert.That(options.Problems(), Has.Some.StartsWith("Channels:Voice:Callback:Trunk"));
    }

    [Test]
    public void CallbackLimits_OutOfRange_AreNamed()
    {
        var options = Valid();
        options.Callback.MaxCalls = 0;
        options.Callback.CallerId = "support";
        options.Callback.RingTimeout = TimeSpan.FromSeconds(1);
        options.AnswerAfter = TimeSpan.FromMinutes(1);

        Assert.That(options.Problems(), Has.Some.StartsWith("Channels:Voice:Callback:MaxCalls")
            .And.Some.StartsWith("Channels:Voice:Callback:CallerId")
            .And.Some.StartsWith("Channels:Voice:Callback:RingTimeout")
            .And.Some.StartsWith("Channels:Voice:AnswerAfter"));
    }

    [Test]
    public void CallbackTrunk_WithoutAPort_IsSipsOwn5060()
    {
        var options = Valid();
        options.Callback.Trunk = "10.0.0.1";

        Assert.That(options.Problems(), Is.Empty);
    }

    [Test]
    public void NoCallbackTrunk_IsAllowed_RepliesToCallersThenFailSayingSo()
    {
        var options = Valid();
        options.Callback.Trunk = null;

        Assert.That(options.Problems(), Is.Empty);
    }
}
