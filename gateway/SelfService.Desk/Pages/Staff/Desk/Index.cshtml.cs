using Microsoft.AspNetCore.Mvc;
using SelfService.Commands.Escalation;
using SelfService.Staff;

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

    public void OnGet() => Load();

    /// <summary>The queue part alone: what the page fetches when the server says the queue changed.</summary>
    public PartialViewResult OnGetQueue()
    {
        Load();
        return Partial("_Queue", this);
    }

    public IActionResult OnPostTake(string ticketId)
    {
        var agent = User.UserName();
        if (!queue.TryTake(ticketId, agent)) return RedirectToPage(new { taken = true });
        var ticket = queue.Get(ticketId)!;
        audit.Record(agent, "ticket.take", ticket.CustomerId ?? ticket.Channel + "|" + ticket.Address, ticketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Redirect("/staff/desk/" + Uri.EscapeDataString(ticketId));
    }

    public IActionResult OnPostCallbackDone(string ticketId)
    {
        if (queue.CompleteCallback(ticketId, User.UserName()))
            audit.Record(User.UserName(), "callback.done", queue.Get(ticketId)?.CustomerId ?? ticketId, ticketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage();
    }

    private void Load()
    {
        var agent = User.UserName();
        var account = accounts.Find(agent);
        MyGroups = account?.Groups ?? [];
        var languages = account?.Languages ?? [];
        var waiting = queue.Waiting();
        // Routing: an agent sees their groups' and languages' conversations unless they ask for all.
        Waiting = All || MyGroups.Count == 0 && languages.Count == 0
            ? waiting
            : [.. waiting.Where(t => (MyGroups.Count == 0 || MyGroups.Contains(t.Group)) && (languages.Count == 0 || languages.Contains(t.Language)))];
        Mine = queue.HeldBy(agent);
        Callbacks = queue.PendingCallbacks();
    }
}
