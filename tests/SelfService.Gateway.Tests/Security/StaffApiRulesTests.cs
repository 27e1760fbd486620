using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Security;

/// <summary>
/// The API enforces what the desk enforces: an agent may close or transfer only the conversation they hold; a supervisor
/// may override, and the audit trail says so. Null fields in a new account are a 400 with reasons, never a 500.
/// </summary>
public class StaffApiRulesTests : LoopbackGatewayTest
{
    [Test]
    public async Task AgentClosingAnothersTicket_ThroughTheApi_IsRefused_ASupervisorOverrideIsAudited()
    {
        var ticketId = await TicketHeldByAsync("masha");
        using var petr = await Gateway.CreateStaffClientAsync("petr", StaffRoles.Agent);

        using var refused = await petr.PostAsync($"/api/queue/{ticketId}/close", null);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StateAsync(ticketId), Is.EqualTo("Taken"));

        using var supervisor = await Gateway.CreateStaffClientAsync("sveta", StaffRoles.Supervisor);
        using var closed = await supervisor.PostAsync($"/api/queue/{ticketId}/close", null);
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StateAsync(ticketId), Is.EqualTo("Closed"));

        var audit = await Http.GetFromJsonAsync<JsonElement>("/api/staff/audit?actor=sveta");
        var entry = audit.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "ticket.close");
        Assert.That(entry.GetProperty("details").GetString(), Does.Contain("supervisor override").And.Contain("masha"));
        Assert.That(entry.GetProperty("remoteAddress").GetString(), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task TakingThroughTheApi_IsAuditedWithTheClientAddress()
    {
        await TicketHeldByAsync("masha");

        var take = (await Http.GetFromJsonAsync<JsonElement>("/api/staff/audit?actor=masha")).EnumerateArray()
            .Single(e => e.GetProperty("action").GetString() == "ticket.take");

        Assert.That(take.GetProperty("remoteAddress").GetString(), Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task AgentTransferringAnothersTicket_IsRefused_TheHolderMayTransfer()
    {
        var ticketId = await TicketHeldByAsync("masha");
        using var petr = await Gateway.CreateStaffClientAsync("petr", StaffRoles.Agent);

        using var refused = await petr.PostAsJsonAsync($"/api/queue/{ticketId}/transfer", new { group = "general" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await StateAsync(ticketId), Is.EqualTo("Taken"));

        using var masha = await Gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);
        using var moved = await masha.PostAsJsonAsync($"/api/queue/{ticketId}/transfer", new { group = "general" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        Assert.That(await StateAsync(ticketId), Is.EqualTo("Waiting"));
    }

    [Test]
    public async Task AgentClosingTheirOwnTicket_IsAllowed()
    {
        var ticketId = await TicketHeldByAsync("masha");
        using var masha = await Gateway.CreateStaffClientAsync("masha", StaffRoles.Agent);

        using var closed = await masha.PostAsync($"/api/queue/{ticketId}/close", null);

        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("{\"userName\":null,\"password\":null,\"roles\":null,\"displayName\":null,\"languages\":null,\"groups\":null}")]
    [TestCase("{\"userName\":\"petr\",\"password\":\"long enough password\",\"roles\":[null],\"languages\":[null],\"groups\":[null]}")]
    [TestCase("{}")]
    [TestCase("null")]
    public async Task NewAccount_WithNulls_Answers400(string body)
    {
        using var response = await Http.PostAsync("/api/staff/accounts", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task KnowledgeBaseActions_ThroughTheApi_AreAudited_WithOutcomeAndAddress()
    {
        using var olga = await Gateway.CreateStaffClientAsync("olga", StaffRoles.Editor, StaffRoles.Reviewer);
        using var igor = await Gateway.CreateStaffClientAsync("igor", StaffRoles.Reviewer);
        using var created = await olga.PostAsJsonAsync("/api/kb/articles", new
        {
            content = new
            {
                language = "en", category = "devices", title = "Phones in instalments", questions = new[] { "Can I buy a phone in instalments?" },
                keywords = new[] { "instalments" }, shortAnswer = "Yes, over 6-24 months.", longAnswer = "**Yes**, over 6-24 months.",
            },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await olga.PostAsync($"/api/kb/articles/{id}/submit", null)).Dispose();
        using var selfApproved = await olga.PostAsync($"/api/kb/articles/{id}/approve", null);
        Assert.That(selfApproved.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        (await igor.PostAsync($"/api/kb/articles/{id}/approve", null)).EnsureSuccessStatusCode();

        var entries = (await Http.GetFromJsonAsync<JsonElement>($"/api/staff/audit?subject={id}")).EnumerateArray()
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Details: e.GetProperty("details").GetString(),
                Address: e.GetProperty("remoteAddress").GetString()))
            .ToList();
        Assert.That(entries.Select(e => (e.Actor, e.Action, e.Details)), Is.EquivalentTo(new[]
        {
            ("olga", "kb.create", "ok"), ("olga", "kb.submit", "ok"), ("olga", "kb.publish", null), ("igor", "kb.publish", "ok"),
        }).Using<(string?, string?, string?)>((actual, expected) => actual.Item1 == expected.Item1 && actual.Item2 == expected.Item2
            && (expected.Item3 is null ? actual.Item3!.StartsWith("refused", StringComparison.Ordinal) : actual.Item3 == expected.Item3)));
        Assert.That(entries.Select(e => e.Address), Has.All.EqualTo("127.0.0.1"));
    }

    private async Task<string> TicketHeldByAsync(string agent)
    {
        using var customer = Gateway.CreateAnonymousClient();
        var chat = await ChatSession.StartAsync(customer);
        await chat.AskAsync("AGENT");
        var ticketId = (await Http.GetFromJsonAsync<JsonElement>("/api/queue"))[0].GetProperty("ticket").GetProperty("id").GetString()!;
        using var holder = await Gateway.CreateStaffClientAsync(agent, StaffRoles.Agent);
        (await holder.PostAsync($"/api/queue/{ticketId}/take", null)).EnsureSuccessStatusCode();
        return ticketId;
    }

    private async Task<string> StateAsync(string ticketId) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/queue/{ticketId}")).GetProperty("ticket").GetProperty("state").GetString()!;
}
