using System.Globalization;

namespace SelfService.Storage;

/// <summary>
/// The gateway's record ids begin with their time: an inbound id is a version-7 GUID ("N" format), whose first 12 hex
/// digits are the Unix milliseconds, and the ids of replies and history lines begin with it. So "older than" is a range
/// of ids, which every engine can scan by its primary key.
/// </summary>
public static class TimeOrderedIds
{
    /// <summary>The prefix of the agents' replies and their history lines ("agent:" and a version-7 GUID).</summary>
    public const string AgentPrefix = "agent:";

    /// <summary>The lowest id made at <paramref name="at"/>: every id made before it sorts below it (ordinal).</summary>
    public static string LowestAt(DateTimeOffset at) =>
        Math.Max(0, at.ToUnixTimeMilliseconds()).ToString("x12", CultureInfo.InvariantCulture).PadRight(32, '0');
}
