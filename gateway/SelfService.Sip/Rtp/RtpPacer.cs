using System.Diagnostics;

namespace SelfService.Sip;

/// <summary>
/// One clock for every RTP sender in the process: a dedicated thread that wakes every 20 ms on a schedule of the
/// monotonic clock (start + n * 20 ms, so errors never accumulate) and has each session send its frame. It sleeps
/// to within a millisecond of the due time and yields for the rest, which keeps the lateness well under a
/// millisecond without a timer per call; and one wake-up serves all calls, so a hundred calls cost what one does.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A process-lifetime singleton.")]
internal sealed class RtpPacer
{
    public static readonly long FrameTicks = Stopwatch.Frequency / 50;

    private static readonly Lazy<RtpPacer> SharedInstance = new(() => new RtpPacer());
    private readonly Lock gate = new();
    private readonly SemaphoreSlim work = new(0);
    private RtpSession[] sessions = [];
    private Thread? thread;

    public static RtpPacer Shared => SharedInstance.Value;

    public void Add(RtpSession session)
    {
        lock (gate)
        {
            sessions = [.. sessions, session];
            if (sessions.Length == 1) work.Release();   // wake an idle pacer
            if (thread is not null) return;
            thread = new Thread(Run) { IsBackground = true, Name = "RTP pacer", Priority = ThreadPriority.AboveNormal };
            thread.Start();
        }
    }

    public void Remove(RtpSession session)
    {
        lock (gate) sessions = [.. sessions.Where(s => !ReferenceEquals(s, session))];
    }

    private void Run()
    {
        var start = Stopwatch.GetTimestamp();
        long index = 0;
        while (true)
        {
            if (Volatile.Read(ref sessions).Length == 0)
            {
                // No call: sleep until one starts, then start a fresh schedule.
                work.Wait();
                start = Stopwatch.GetTimestamp();
                index = 0;
                continue;
            }
            while (work.CurrentCount > 0) work.Wait(0);   // wake-ups that came while busy are spent
            var due = start + index * FrameTicks;
            WaitUntil(due);
            var now = Stopwatch.GetTimestamp();
            if (now - due > 5 * FrameTicks)
            {
                // Stalled (the machine froze, a debugger): re-anchor rather than burst the missed frames out.
                start = now - index * FrameTicks;
                due = now;
            }
            foreach (var session in Volatile.Read(ref sessions)) session.SendFrame(due);
            index++;
        }
    }

    private static void WaitUntil(long due)
    {
        while (true)
        {
            var remainingMs = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
            if (remainingMs <= 0) return;
            if (remainingMs > 1.5) Thread.Sleep((int)(remainingMs - 1));
            else Thread.Yield();
        }
    }
}
