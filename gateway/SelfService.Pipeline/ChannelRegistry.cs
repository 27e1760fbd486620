using SelfService.Channels;
using SelfService.Messaging;
using SelfService.Messaging.Text;

namespace SelfService.Pipeline;

/// <summary>The channel adapters the host registered, by channel name.</summary>
/// <param name="unconfiguredMeasure">How a text is measured for a channel with no adapter (the host gives the GSM one); null
/// measures it as UCS-2.</param>
public sealed class ChannelRegistry(IEnumerable<IChannelAdapter> adapters, SmsMeasure? unconfiguredMeasure = null)
{
    private readonly Dictionary<string, IChannelAdapter> _adapters = adapters.ToDictionary(a => a.Profile.Name, StringComparer.OrdinalIgnoreCase);

    // A channel with no adapter here (an SMS code while no SMSC is configured) is sized as the strictest one:
    // whatever adapter delivers it later can carry a single short message.
    private ChannelProfile Unconfigured(string name) => new(name, ReplyForm.Short, 1, SenderIsMsisdn: false, Measure: unconfiguredMeasure);

    public IChannelAdapter? Find(string channel) => _adapters.GetValueOrDefault(channel);

    public ChannelProfile ProfileOf(string channel) => Find(channel)?.Profile ?? Unconfigured(channel);

    public IReadOnlyCollection<string> Names => _adapters.Keys;
}
