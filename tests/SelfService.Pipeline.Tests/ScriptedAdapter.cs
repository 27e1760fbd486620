using SelfService.Channels;
using SelfService.Messaging;

namespace SelfService.Pipeline.Tests;

/// <summary>A channel whose sends answer from a script, in order; it records what it was asked to send.</summary>
internal sealed class ScriptedAdapter(string channel, params SendResult[] script) : IChannelAdapter
{
    private readonly Queue<SendResult> _script = new(script);

    public List<OutboundMessage> Sent { get; } = [];

    /// <summary>Whether sending the same message twice shows it once (as the web chat's transcript does).</summary>
    public bool Idempotent { get; init; }

    /// <summary>Another instance holds the channel's connection (several gateways on one store).</summary>
    public bool HeldElsewhere { get; init; }

    public ChannelProfile Profile => new(channel, ReplyForm.Long, 0, SenderIsMsisdn: false, IdempotentSends: Idempotent);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        lock (Sent) Sent.Add(message);
        return Task.FromResult(_script.Count > 0 ? _script.Dequeue() : SendResult.Sent);
    }
}
