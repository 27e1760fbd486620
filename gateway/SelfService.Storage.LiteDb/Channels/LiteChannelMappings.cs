using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>How the channels' state maps to documents: what the Bson attributes said before the types moved behind the port.</summary>
internal static class LiteChannelMappings
{
    public static void Register(BsonMapper mapper)
    {
        // A transcript's sequence number is the document id, given by the engine in commit order (the writer is one thread).
        mapper.Entity<WebChatActivity>().Id(a => a.Seq, autoId: true);
        mapper.Entity<DirectLineActivityRecord>().Id(a => a.Seq, autoId: true).Ignore(a => a.ActivityId);
    }
}
