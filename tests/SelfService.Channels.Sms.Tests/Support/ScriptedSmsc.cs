using System.Collections.Concurrent;
using System.Globalization;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests.Support;

/// <summary>The SMSC behind the test server: binds everyone, records every submit_sm, and answers them as scripted
/// (then Ok), with hex message ids counted up from 1A2B3C.</summary>
internal sealed class ScriptedSmsc : ISmppServerHandler
{
    public const int FirstMessageId = 0x1A2B3C;

    private readonly ConcurrentQueue<SmscAnswer> _script = new();
    private readonly ConcurrentQueue<SubmitSm> _submits = new();
    private int _nextMessageId = FirstMessageId;
    private int _binds;

    /// <summary>Every submit_sm received, in order, answered or not.</summary>
    public IReadOnlyList<SubmitSm> Submits => [.. _submits];

    /// <summary>Successful binds so far.</summary>
    public int Binds => Volatile.Read(ref _binds);

    /// <summary>Set when a submit meets <see cref="SmscAnswer.Silent"/>: it is in the ESME's window now.</summary>
    public TaskCompletionSource SilentSubmitReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The message id the n-th Ok answer carries (from 0).</summary>
    public static string MessageId(int n) => (FirstMessageId + n).ToString("X", CultureInfo.InvariantCulture);

    public void Script(IEnumerable<SmscAnswer> answers)
    {
        foreach (var answer in answers) _script.Enqueue(answer);
    }

    public ValueTask<CommandStatus> OnBindAsync(SmppServerSession session, BindRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _binds);
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public async ValueTask<SubmitSmResp> OnSubmitAsync(SmppServerSession session, SubmitSm request, CancellationToken cancellationToken)
    {
        _submits.Enqueue(request);
        var answer = _script.TryDequeue(out var next) ? next : SmscAnswer.Ok;
        switch (answer.Kind)
        {
            case SmscAnswerKind.Drop:
                session.Close();   // the answer below has no connection left to go out on
                return new SubmitSmResp { CommandStatus = CommandStatus.SystemError };
            case SmscAnswerKind.Silent:
                SilentSubmitReceived.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);   // until the connection closes
                return new SubmitSmResp { CommandStatus = CommandStatus.SystemError };
            default:
                if (answer.Status != CommandStatus.Ok) return new SubmitSmResp { CommandStatus = answer.Status };
                var id = Interlocked.Increment(ref _nextMessageId) - 1;
                return new SubmitSmResp { MessageId = id.ToString("X", CultureInfo.InvariantCulture) };
        }
    }
}
