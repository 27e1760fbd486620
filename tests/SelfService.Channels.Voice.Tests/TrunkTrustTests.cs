using System.Net;

namespace SelfService.Channels.Voice.Tests;

public class TrunkTrustTests
{
    private readonly TrunkTrust _trust = new(["192.0.2.7", "198.51.100.0/24", "2001:db8::/32"]);

    [TestCase("192.0.2.7", true)]
    [TestCase("192.0.2.8", false)]
    [TestCase("198.51.100.200", true)]
    [TestCase("198.51.101.1", false)]
    [TestCase("::ffff:198.51.100.9", true, Description = "an IPv4 peer on a dual-stack socket")]
    [TestCase("2001:db8:1::5", true)]
    [TestCase("127.0.0.1", false)]
    public void IsTrusted_OnlyTheTrunksAddresses(string address, bool trusted) =>
        Assert.That(_trust.IsTrusted(IPAddress.Parse(address)), Is.EqualTo(trusted));

    [TestCase("10.0.0.0/33")]
    [TestCase("trunk.example")]
    [TestCase("")]
    public void TryParse_WhatIsNoAddressOrBlock_IsRefused(string text) => Assert.That(TrunkTrust.TryParse(text, out _), Is.False);

    [Test]
    public void Options_NameEveryProblem()
    {
        var options = new VoiceOptions
        {
            Enabled = true, TrustedTrunks = ["10.0.0.0/33"], DefaultLanguage = "de", Replays = 9,
            Numbers = new() { ["0611"] = new() { Menu = "*100#", Action = "BAL" }, ["abc"] = new() { Action = "BAL", Language = "fr" }, ["0612"] = new() { Menu = "*100#", Confirm = true } },
        };

        var problems = options.Problems().ToList();

        Assert.That(problems, Has.Count.EqualTo(7), string.Join("\n", problems));
        Assert.That(new VoiceOptions { Enabled = true, Numbers = new() { ["0611"] = new() { Menu = "*100#" } } }.Problems(), Is.Empty);
        Assert.That(new VoiceOptions().Problems(), Is.Empty, "a channel that is off needs nothing");
    }
}
