using System.Net.Http.Json;
using System.Text.Json;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>
/// The event that ends a "nothing more is sent" check: no message of the channel is waiting or being sent. A repeat would
/// be an outbox message that had to go out (again) first, so once the outbox is settled the counts are final.
/// </summary>
internal static class OutboxSettled
{
    public static async Task WaitAsync(HttpClient admin, string channel, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var pending = await CountAsync(admin, channel, "Pending") + await CountAsync(admin, channel, "Sending");
            if (pending == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{pending} {channel} messages are still waiting or being sent");
            await Task.Delay(50);
        }
    }

    private static async Task<int> CountAsync(HttpClient admin, string channel, string state) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/outbox?channel={channel}&state={state}&limit=1000")).GetArrayLength();
}
