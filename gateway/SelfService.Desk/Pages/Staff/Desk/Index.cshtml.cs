using Microsoft.AspNetCore.Mvc;
using SelfService.Commands.Escalation;
using SelfService.Messaging;
using SelfService.Staff;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;

namespace SelfService.Desk.Pages.Staff.Desk;

/// <summary>The agent's queue: who waits (in the agent's groups first), what the agent holds, and callbacks to make.</summary>
public sealed class IndexModel(EscalationQueue queue, StaffAccounts accounts, AuditTrail audit, IHistoryStore history) : DeskPageModel
{
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>After a refused take. In the address, not in TempData, which the queue's background refresh could read first.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Taken { get; set; }

    public string? Problem => Taken ? T("takenByOther") : null;

    public IReadOnlyList<EscalationTicket> Waiting { get; private set; } = [];
    public IReadOnlyList<EscalationTicket> Mine { get; private set; } = [];
    public IReadOnlyList<EscalationTicket> Callbacks { get; private set; } = [];

    /// <summary>For callbacks asked for on the telephone: the caller's last call as the voice menu recorded it (the path, the keys, the end), by ticket.</summary>
    public IReadOnlyDictionary<string, string> CallPaths { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> MyGroups { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>The queue part alone: what the page fetches when the server says the queue changed.</summary>
    public async Task<PartialViewResult> OnGetQueueAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_Queue", this);
    }

    public async Task<IActionResult> OnPostTakeAsync(string ticketId, CancellationToken cancellationToken)
    {
        var agent = User.UserName();
        if (!await queue.TryTakeAsync(ticketId, agent, cancellationToken)) return RedirectToPage(new { taken = true });
        var ticket = (await queue.GetAsync(ticketId, cancellationToken))!;
        await audit.RecordAsync(agent, "ticket.take", ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address, ticketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Redirect("/staff/desk/" + Uri.EscapeDataString(ticketId));
    }

    public async Task<IActionResult> OnPostCallbackDoneAsync(string ticketId, CancellationToken cancellationToken)
    {
        if (await queue.CompleteCallbackAsync(ticketId, User.UserName(), cancellationToken))
            await audit.RecordAsync(User.UserName(), "callback.done", (await queue.GetAsync(ticketId, cancellationToken))?.CustomerId ?? ticketId, ticketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agent = User.UserName();
        var account = await accounts.FindAsync(agent, cancellationToken);
        MyGroups = account?.Groups ?? [];
        var languages = account?.Languages ?? [];
        var waiting = await queue.WaitingAsync(null, cancellationToken);
        // Routing: an agent sees their groups' and languages' conversations unless they ask for all.
        Waiting = All || MyGroups.Count == 0 && languages.Count == 0
            ? waiting
            : [.. waiting.Where(t => (MyGroups.Count == 0 || MyGroups.Contains(t.Group)) && (languages.Count == 0 || languages.Contains(t.Language)))];
        Mine = await queue.HeldByAsync(agent, cancellationToken);
        Callbacks = await queue.PendingCallbacksAsync(cancellationToken);
        CallPaths = await CallPathsAsync(Callbacks, cancellationToken);
    }

    /// <summary>What the menu tried before the caller asked for a person: the agent calls back knowing where they got stuck.</summary>
    private async Task<IReadOnlyDictionary<string, string>> CallPathsAsync(IReadOnlyList<EscalationTicket> callbacks, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        // Only callers have calls: the other channels' callbacks cost no history read on each refresh of the queue.
        foreach (var ticket in callbacks.Where(t => t.Channel is ChannelNames.Voice or ChannelNames.VoiceUnproven))
        {
            var lastCall = (await history.ForIdentityAsync(ticket.Channel, ticket.Address, 50, cancellationToken)).LastOrDefault(e => e.Subject == "call");
            if (lastCall is not null) paths[ticket.Id] = lastCall.Text;
        }
        return paths;
    }
}
