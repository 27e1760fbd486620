using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfService.KnowledgeBase.Transfer;

/// <summary>Reads a multi-line text written either as one string or as an array of lines; writes the array.</summary>
internal sealed class LinesJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                var lines = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    lines.Add(reader.TokenType == JsonTokenType.String
                        ? reader.GetString() ?? string.Empty
                        : throw new JsonException("Every line of a multi-line text must be a string."));
                }

                return string.Join('\n', lines);
            default:
                throw new JsonException("Expected a string or an array of lines.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var line in value.Split('\n'))
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
    }
}
