using System.Diagnostics.Metrics;

namespace SelfService.Pipeline.Tests;

/// <summary>Meters for a test, disposed with it (the host's own factory does this in the gateway).</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
