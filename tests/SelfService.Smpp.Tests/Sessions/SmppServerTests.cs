using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Sessions;

/// <summary>The test SMSC's own behaviour, seen from a raw ESME.</summary>
public class SmppServerTests
{
    private static async Task<(SmppServer Server, TestSmsc Smsc)> StartAsync(TestSmsc? smsc = null)
    {
        smsc ??= new TestSmsc();
        var server = new SmppServer(smsc);
        server.Start();
        return (server, smsc);
    }

    [Test]
    public async Task Start_ListensOnLoopbackOnAFreePort()
    {
        var (server, _) = await StartAsync();
        await using var _1 = server;
        Assert.That(server.LocalEndPoint.Address, Is.EqualTo(System.Net.IPAddress.Loopback));
        Assert.That(server.Port, Is.Not.Zero);
    }

    [Test]
    public async Task Bind_Accepted_AnswersWithSystemIdAndScInterfaceVersion()
    {
        var (server, smsc) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);

        await esme.SendAsync(new BindTransmitter { SequenceNumber = 1, SystemId = "esme", Password = "pw" });
        var resp = await esme.ReadAsync<BindTransmitterResp>();

        Assert.That(resp, Is.EqualTo(new BindTransmitterResp { SequenceNumber = 1, SystemId = "SMSC", Tlvs = [Tlv.FromByte(TlvTag.ScInterfaceVersion, 0x34)] }));
        Assert.That(resp.ScInterfaceVersion, Is.EqualTo((byte)0x34));
        await Eventually.TrueAsync(() => server.BoundSessions.Count == 1, "bound");
        Assert.That((server.BoundSessions[0].SystemId, server.BoundSessions[0].BindType), Is.EqualTo(("esme", (SmppBindType?)SmppBindType.Transmitter)));
    }

    [Test]
    public async Task Bind_Refused_AnswersABareErrorHeaderAndKeepsTheConnection()
    {
        var (server, _) = await StartAsync(new TestSmsc { BindStatus = (n, _) => n == 1 ? CommandStatus.InvalidPassword : CommandStatus.Ok });
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);

        await esme.SendAsync(new BindTransceiver { SequenceNumber = 1, SystemId = "esme", Password = "bad" });
        Assert.That(await esme.ReadAsync<BindTransceiverResp>(), Is.EqualTo(new BindTransceiverResp { SequenceNumber = 1, CommandStatus = CommandStatus.InvalidPassword }));

        await esme.SendAsync(new BindTransceiver { SequenceNumber = 2, SystemId = "esme", Password = "good" });
        Assert.That((await esme.ReadAsync<BindTransceiverResp>()).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        await esme.SendAsync(new BindTransceiver { SequenceNumber = 3, SystemId = "esme", Password = "good" });
        Assert.That((await esme.ReadAsync<BindTransceiverResp>()).CommandStatus, Is.EqualTo(CommandStatus.AlreadyBound));
    }

    [Test]
    public async Task Submit_BeforeBind_IsIncorrectBindStatus()
    {
        var (server, smsc) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);

        await esme.SendAsync(new SubmitSm { SequenceNumber = 9, DestinationAddr = "1" });

        Assert.That(await esme.ReadAsync<SubmitSmResp>(), Is.EqualTo(new SubmitSmResp { SequenceNumber = 9, CommandStatus = CommandStatus.IncorrectBindStatus }));
        Assert.That(smsc.Submits, Is.Empty);
    }

    [Test]
    public async Task Submit_OnAReceiverBind_IsIncorrectBindStatus()
    {
        var (server, _) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);
        await esme.SendAsync(new BindReceiver { SequenceNumber = 1, SystemId = "rx" });
        await esme.ReadAsync<BindReceiverResp>();

        await esme.SendAsync(new SubmitSm { SequenceNumber = 2, DestinationAddr = "1" });

        Assert.That((await esme.ReadAsync<SubmitSmResp>()).CommandStatus, Is.EqualTo(CommandStatus.IncorrectBindStatus));
    }

    [Test]
    public async Task Submit_Bound_GetsTheHandlersMessageIdWithTheRequestsSequence()
    {
        var (server, smsc) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);
        await esme.SendAsync(new BindTransceiver { SequenceNumber = 1, SystemId = "esme" });
        await esme.ReadAsync<BindTransceiverResp>();

        await esme.SendAsync(new SubmitSm { SequenceNumber = 0x1234, DestinationAddr = "79161234567", ShortMessage = "Hi"u8.ToArray() });

        Assert.That(await esme.ReadAsync<SubmitSmResp>(), Is.EqualTo(new SubmitSmResp { SequenceNumber = 0x1234, MessageId = "1" }));
        Assert.That(smsc.Submits.Single().DestinationAddr, Is.EqualTo("79161234567"));
    }

    [Test]
    public async Task Unknown_Command_IsAnsweredWithGenericNack()
    {
        var (server, _) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);

        await esme.SendRawAsync(Hex.Parse("00000010 00000077 00000000 00000005"));

        Assert.That(await esme.ReadAsync<GenericNack>(), Is.EqualTo(new GenericNack { SequenceNumber = 5, CommandStatus = CommandStatus.InvalidCommandId }));
    }

    [Test]
    public async Task EnquireLinkAndUnbind_AreAnsweredAndReported()
    {
        var (server, smsc) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);

        await esme.SendAsync(new EnquireLink { SequenceNumber = 3 });
        Assert.That(await esme.ReadAsync<EnquireLinkResp>(), Is.EqualTo(new EnquireLinkResp { SequenceNumber = 3 }));
        await esme.SendAsync(new Unbind { SequenceNumber = 4 });
        Assert.That(await esme.ReadAsync<UnbindResp>(), Is.EqualTo(new UnbindResp { SequenceNumber = 4 }));

        Assert.That(await esme.ClosedAsync(TimeSpan.FromSeconds(5)), Is.True, "the server closes after unbind_resp");
        Assert.That((smsc.EnquireLinks, smsc.Unbinds), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task Deliver_WithNoReceiverBound_ThrowsNotWritten()
    {
        var (server, _) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);
        await esme.SendAsync(new BindTransmitter { SequenceNumber = 1, SystemId = "tx" });
        await esme.ReadAsync<BindTransmitterResp>();

        var ex = await Catch.Async<SmppConnectionException>(() => server.DeliverAsync(new DeliverSm { DestinationAddr = "1" }, CancellationToken.None));
        Assert.That(ex.WrittenToSocket, Is.False);
    }

    [Test]
    public async Task Deliver_WaitsForTheEsmesResponse()
    {
        var (server, _) = await StartAsync();
        await using var _1 = server;
        await using var esme = await RawPeer.ConnectAsync(server.Port);
        await esme.SendAsync(new BindReceiver { SequenceNumber = 1, SystemId = "rx" });
        await esme.ReadAsync<BindReceiverResp>();

        var delivery = server.DeliverAsync(new DeliverSm { SourceAddr = "7916", DestinationAddr = "1234" }, CancellationToken.None);
        var deliver = await esme.ReadAsync<DeliverSm>();
        Assert.That(delivery.IsCompleted, Is.False);
        await esme.SendAsync(new DeliverSmResp { SequenceNumber = deliver.SequenceNumber, CommandStatus = CommandStatus.ReceiverTemporaryAppError });

        Assert.That((await delivery.WaitAsync(TimeSpan.FromSeconds(5))).CommandStatus, Is.EqualTo(CommandStatus.ReceiverTemporaryAppError));
    }
}
