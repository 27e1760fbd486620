using System.Net.Http.Json;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing;

namespace SelfService.Gateway.Tests;

/// <summary>Persist before acknowledging: a message accepted just before a SIGKILL is answered after the restart, once.</summary>
[NonParallelizable] // kills, floods or paces: measured alone (see ParallelFixtures.cs)
public class CrashRecoveryTests
{
    [Test]
    public async Task KillBetweenAcceptAndReply_ReplyGoesOutAfterRestart_Once()
    {
        using var folder = new TemporaryFolder();
        using var silent = new SilentBackend();
        var common = new Dictionary<string, string>
        {
            ["Storage:DatabaseFile"] = folder.File("gateway.db"),
            ["Samples:Root"] = RepositoryPaths.Samples,
            ["Commands:CatalogueFile"] = RepositoryPaths.Catalogue,
            ["Commands:MenuFile"] = RepositoryPaths.Menus,
        };

        // First life: the provisioning backend hangs, so LINK is accepted and stuck in the command processor.
        string conversationId, token, messageId;
        using (var first = await GatewayProcess.StartAsync(new Dictionary<string, string>(common)
        {
            ["Provisioning:Kind"] = "Http",
            ["Provisioning:Http:BaseAddress"] = silent.Address.ToString(),
            ["Provisioning:Http:AttemptTimeout"] = "00:05:00",
            ["Provisioning:Http:TotalTimeout"] = "00:05:00",
        }))
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            var chat = await ChatSession.StartAsync(http);
            (conversationId, token) = (chat.ConversationId, chat.Token);
            using var accepted = await chat.PostAsync("LINK +79161234567");
            messageId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString()!;

            await WaitUntilAsync(() => silent.Connections > 0, "the gateway to call the provisioning backend");
            Assert.That((await chat.ReadAsync()).Count(l => l.From == "bot"), Is.Zero, "no reply before the crash");
            first.Kill();
        }

        // Second life: same database, a working (embedded) backend. Recovery runs the accepted message.
        using var second = await GatewayProcess.StartAsync(new Dictionary<string, string>(common) { ["Provisioning:Kind"] = "Embedded" });
        using var http2 = await second.CreateAdminClientAsync();
        var resumed = ChatSession.Resume(http2, conversationId, token);
        var reply = await resumed.NextReplyAsync();
        Assert.That(reply.Text, Does.StartWith("We sent a code by SMS to +7916***4567"));

        // The event a second run would come before: a conversation's messages run in order, so a repeat of the recovered
        // message would be answered before the next message is.
        using (var next = await resumed.PostAsync("HELP")) Assert.That(next.IsSuccessStatusCode, Is.True);
        while ((await resumed.NextReplyAsync()).Text.StartsWith("We sent a code", StringComparison.Ordinal)) { }
        Assert.That((await resumed.ReadAsync()).Count(l => l.From == "bot" && l.Text.StartsWith("We sent a code", StringComparison.Ordinal)),
            Is.EqualTo(1), "the reply goes out once");
        var codes = await http2.GetFromJsonAsync<JsonElement>("/api/outbox?channel=sms&address=%2B79161234567");
        Assert.That(codes.GetArrayLength(), Is.EqualTo(1), "one code SMS queued");
        Assert.That(codes[0].GetProperty("inReplyTo").GetString(), Is.EqualTo(messageId));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(20);
        }
    }
}
