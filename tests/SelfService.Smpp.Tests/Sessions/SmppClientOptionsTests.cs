using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Sessions;

public class SmppClientOptionsTests
{
    [Test]
    public void Validate_Defaults_HaveTheDocumentedValues()
    {
        var options = new SmppClientOptions { SystemId = "esme" };
        options.Validate();
        Assert.That((options.WindowSize, options.ResponseTimeout, options.EnquireLinkInterval, options.ReconnectMinDelay, options.ReconnectMaxDelay),
            Is.EqualTo((10, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))));
    }

    [TestCase(nameof(SmppClientOptions.SystemId), "", TestName = "Validate_MissingSystemId_Throws")]
    [TestCase(nameof(SmppClientOptions.SystemId), "sixteen-chars-xx", TestName = "Validate_SystemIdOf16_Throws")]
    [TestCase(nameof(SmppClientOptions.Password), "123456789", TestName = "Validate_PasswordOf9_Throws")]
    public void Validate_BadString_Throws(string property, string value)
    {
        var options = new SmppClientOptions { SystemId = "esme" };
        typeof(SmppClientOptions).GetProperty(property)!.SetValue(options, value);
        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Test]
    public void Validate_BadNumbersAndDelays_Throw()
    {
        Assert.Throws<ArgumentException>(new SmppClientOptions { SystemId = "e", WindowSize = 0 }.Validate);
        Assert.Throws<ArgumentException>(new SmppClientOptions { SystemId = "e", ResponseTimeout = TimeSpan.Zero }.Validate);
        Assert.Throws<ArgumentException>(new SmppClientOptions { SystemId = "e", ReconnectMinDelay = TimeSpan.FromSeconds(5), ReconnectMaxDelay = TimeSpan.FromSeconds(1) }.Validate);
        Assert.Throws<ArgumentException>(() => new SmppClient(new SmppClientOptions(), new RecordingHandler(), TimeProvider.System, NullLogger<SmppClient>.Instance));
    }

    [Test]
    public async Task Submit_NotStarted_ThrowsNotWritten()
    {
        await using var client = new SmppClient(new SmppClientOptions { SystemId = "e" }, new RecordingHandler(), TimeProvider.System, NullLogger<SmppClient>.Instance);
        var ex = await Catch.Async<SmppConnectionException>(() => client.SubmitAsync(new SubmitSm(), CancellationToken.None));
        Assert.That(ex.WrittenToSocket, Is.False);
    }
}
