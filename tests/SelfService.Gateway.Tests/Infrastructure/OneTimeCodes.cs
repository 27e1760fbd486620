using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>
/// Reads the one-time code the gateway queued for a phone. With no SMSC in these tests, the SMS waits in the
/// outbox, exactly where an operator would see it; the SMS channel's own tests deliver it over SMPP.
/// </summary>
internal static partial class OneTimeCodes
{
    public static async Task<string> ReadAsync(HttpClient http, string msisdn)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var outbox = await http.GetFromJsonAsync<JsonElement>($"/api/outbox?channel=sms&address={Uri.EscapeDataString(msisdn)}&limit=1");
            foreach (var message in outbox.EnumerateArray())
            {
                var match = SixDigits().Match(message.GetProperty("text").GetString()!);
                if (match.Success) return match.Value;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("No one-time code was queued for " + msisdn);
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
