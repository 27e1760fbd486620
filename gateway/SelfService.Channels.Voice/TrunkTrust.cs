using System.Net;

namespace SelfService.Channels.Voice;

/// <summary>
/// Whether a call comes from one of the operator's SIP trunks, whose caller number the network vouches for (as it does for
/// an SMS's sender). A SIP From header is whatever the caller typed: from anywhere else it proves nothing.
/// </summary>
public sealed class TrunkTrust
{
    private readonly IReadOnlyList<IPNetwork> _trunks;

    public TrunkTrust(IEnumerable<string> trunks) =>
        _trunks = [.. trunks.Select(t => TryParse(t, out var network) ? network : throw new FormatException($"\"{t}\" is no address or CIDR block"))];

    public bool IsTrusted(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _trunks.Any(t => t.Contains(plain));
    }

    /// <summary>An address ("192.0.2.7": that one) or a CIDR block ("192.0.2.0/24").</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/'))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}
