using Microsoft.AspNetCore.Mvc;
using SelfService.Commands.Escalation;
using SelfService.Staff;
using SelfService.Storage.Escalations;

namespace SelfService.Desk.Pages.Staff.Desk;

/// <summary>The agent's queue: who waits (in the agent's groups first), what the agent holds, and callbacks to make.</summary>
public sealed class IndexModel(EscalationQueue queue, StaffAccounts accounts, AuditTrail audit) : DeskPageModel
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
    }
}
