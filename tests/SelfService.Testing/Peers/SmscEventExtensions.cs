using System.Text.Json;

namespace SelfService.Testing.Peers;

/// <summary>Reads fields of the SMSC peer's events without throwing on the ones an event lacks.</summary>
public static class SmscEventExtensions
{
    public static string EventName(this JsonElement e) => e.StringOf("event") ?? "";

    /// <summary>The field as a string, or null when it is missing or null.</summary>
    public static string? StringOf(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>The field as a number, or null when it is missing or null.</summary>
    public static long? NumberOf(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : null;

    public static bool HasField(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
}
