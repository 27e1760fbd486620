using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// How a record is kept in its table's jsonb "doc" column: System.Text.Json, enums by name (the port's enums say their
/// names are what a store keeps), every string as <see cref="StoredText"/> makes it, since jsonb refuses \u0000 and a
/// lone surrogate cannot be encoded at all. The columns beside "doc" are what queries, keys and indexes need.
/// </summary>
internal static class Documents
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(), new StoredStringConverter() },
    };

    public static Jsonb Of<T>(T value) => new(JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    private sealed class StoredStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(StoredText.Of(value));

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(StoredText.Of(value));
    }
}

/// <summary>JSON text to be sent as a jsonb parameter.</summary>
internal readonly record struct Jsonb(string Text);
