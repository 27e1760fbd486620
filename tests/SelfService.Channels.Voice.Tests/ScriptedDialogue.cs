using SelfService.Channels;

namespace SelfService.Channels.Voice.Tests;

/// <summary>The processor's side of a menu test: a reply per input, in the order the test gives; what was asked is kept.</summary>
internal sealed class ScriptedDialogue(params (string Text, string[] Choices)[] replies) : IVoiceDialogue
{
    private readonly Queue<(string Text, string[] Choices)> _replies = new(replies);

    public List<string> Inputs { get; } = [];

    public Task<OutboundMessage?> AskAsync(string input, CancellationToken cancellationToken)
    {
        Inputs.Add(input);
        if (!_replies.TryDequeue(out var reply)) return Task.FromResult<OutboundMessage?>(null);   // no answer in time
        return Task.FromResult<OutboundMessage?>(new OutboundMessage("out-" + Inputs.Count, "voice", "+79161234567", reply.Text, reply.Choices, "in", "call", "cust-1"));
    }
}
