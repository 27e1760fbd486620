using System.Text;

namespace SelfService.Storage.Cluster;

/// <summary>The rules every engine applies to what is published, so a payload that one engine would refuse fails on all.</summary>
public static class ClusterEventPayload
{
    public static void Check(string topic, string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(payload);
        if (topic.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentException("A cluster event's topic is one line.", nameof(topic));
        if (Encoding.UTF8.GetByteCount(payload) + Encoding.UTF8.GetByteCount(topic) > IClusterEvents.MaxPayloadBytes)
            throw new ArgumentException($"A cluster event carries ids only: at most {IClusterEvents.MaxPayloadBytes} bytes.", nameof(payload));
    }
}
