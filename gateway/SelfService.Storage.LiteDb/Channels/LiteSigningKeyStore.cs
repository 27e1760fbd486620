using LiteDB;
using SelfService.Storage.Channels;

namespace SelfService.Storage.LiteDb.Channels;

/// <summary>Keys in "directline_keys": { _id: name, Key: base64 }.</summary>
internal sealed class LiteSigningKeyStore(ILiteDatabase database, GroupCommitWriter writer) : ISigningKeyStore
{
    public const string Collection = "directline_keys";
    private const string KeyField = "Key";

    private readonly ILiteCollection<BsonDocument> _keys = database.GetCollection(Collection);

    public async Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken cancellationToken)
    {
        if (_keys.FindById(name) is { } stored) return Convert.FromBase64String(stored[KeyField].AsString);
        // Checked again inside the write: the writer applies one request at a time, so the first to get there stores its key.
        var key = await writer.WriteAsync(db =>
        {
            var keys = db.GetCollection(Collection);
            if (keys.FindById(name) is { } earlier) return earlier[KeyField].AsString;
            var encoded = Convert.ToBase64String(candidate);
            keys.Insert(new BsonDocument { ["_id"] = name, [KeyField] = encoded });
            return encoded;
        }, cancellationToken);
        return Convert.FromBase64String(key);
    }
}
