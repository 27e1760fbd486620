using SelfService.Channels.Voice;
using SelfService.Pipeline.Statistics;

namespace SelfService.Gateway.Hosting;

/// <summary>Counts each ended call of the voice menu into the dashboard's traffic figures (stored and summed across instances with them).</summary>
internal sealed class CallFigures(TrafficStatistics traffic) : ICallObserver
{
    public void Ended(CallRecord call) => traffic.CountCall(call.Outcome.ToString(), call.Steps, call.StartedAt + call.Duration);
}
