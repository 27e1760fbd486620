using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Commands;
using SelfService.Commands.Answers;
using SelfService.Commands.Customers;
using SelfService.Commands.Escalation;
using SelfService.KnowledgeBase;
using SelfService.Pipeline;
using SelfService.Provisioning;
using SelfService.Staff;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;

namespace SelfService.Desk.Pages.Staff.Desk;

/// <summary>
/// One escalated conversation, with the screen pop-up: who the customer is, their linked channels, services, balance
/// and tariff from the provisioning backend, the whole cross-channel history and what the bot already tried. The agent
/// replies through the customer's own channel, inserts published answers, transfers or closes.
/// </summary>
public sealed class ConversationModel(
    EscalationQueue queue, EscalationRouting routing, CustomerDirectory customers, IHistoryStore history, IProvisioningBackend provisioning,
    IKnowledgeSearch knowledge, ServiceDirectory services, ServiceFacts facts, AgentReplies replies, AuditTrail audit, ChannelRegistry channels,
    IOptions<CommandOptions> commandOptions) : DeskPageModel
{
    [BindProperty(SupportsGet = true)]
    public string TicketId { get; set; } = "";

    /// <summary>After a reply: how many messages went out. In the address, not in TempData, which the page's own
    /// background refreshes could read first.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Sent { get; set; }

    /// <summary>After a refused take: someone else was faster.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Taken { get; set; }

    public string? Notice => Sent is { } count ? T("sent", ("channel", Ticket.Channel), ("count", count)) : null;

    public string? Problem { get; private set; }

    public EscalationTicket Ticket { get; private set; } = null!;
    public Customer? Customer { get; private set; }
    public SubscriberAccount? Subscriber { get; private set; }
    public bool BackendUnavailable { get; private set; }
    public IReadOnlyList<HistoryEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<KnowledgeMatch> Suggestions { get; private set; } = [];
    public IReadOnlyList<string> Groups => routing.Groups;
    public bool HeldByMe => Ticket.State == EscalationState.Taken && Ticket.Agent == User.UserName();

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        if (Taken) Problem = T("takenByOther");
        await LoadTimelineAsync(cancellationToken);
        if (Customer?.Msisdn is { Length: > 0 } msisdn)
        {
            try
            {
                Subscriber = await provisioning.FindSubscriberAsync(msisdn, cancellationToken);
            }
            catch (ProvisioningUnavailableException)
            {
                BackendUnavailable = true;
            }
        }
        var question = string.IsNullOrWhiteSpace(q) ? Ticket.LastQuestion : q;
        Suggestions = string.IsNullOrWhiteSpace(question) ? [] : await WithServiceFactsAsync(knowledge.Search(question, Ticket.Language, 3), cancellationToken);
        await audit.RecordAsync(User.UserName(), "customer.view", Ticket.CustomerId ?? Ticket.Channel + "|" + Ticket.Address, "desk " + TicketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Page();
    }

    /// <summary>The timeline alone, fetched when the server says this conversation has a new line.</summary>
    public async Task<IActionResult> OnGetTimelineAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        await LoadTimelineAsync(cancellationToken);
        return Partial("_Timeline", this);
    }

    public async Task<IActionResult> OnPostReplyAsync(string? text, CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        var result = await replies.SendAsync(TicketId, User.UserName(), text ?? "", cancellationToken);
        if (!result.Sent)
        {
            Problem = result.Problem;
            return await BadRequestPageAsync(cancellationToken);
        }
        await audit.RecordAsync(User.UserName(), "ticket.reply", Subject, TicketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage(new { sent = result.Messages });
    }

    public async Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        if (!await queue.TryTakeAsync(TicketId, User.UserName(), cancellationToken)) return RedirectToPage(new { taken = true });
        await audit.RecordAsync(User.UserName(), "ticket.take", Subject, TicketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTransferAsync(string? group, CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        if (!HeldByMe && !User.IsInRole(StaffRoles.Supervisor) && !User.IsInRole(StaffRoles.Admin)) return Forbid();
        if (group is null || !await queue.TryTransferAsync(TicketId, group, cancellationToken)) return BadRequest();
        await audit.RecordAsync(User.UserName(), "ticket.transfer", Subject, TicketId + " -> " + group, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Redirect("/staff/desk");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (!await LoadTicketAsync(cancellationToken)) return NotFound();
        if (!HeldByMe && !User.IsInRole(StaffRoles.Supervisor) && !User.IsInRole(StaffRoles.Admin)) return Forbid();
        if (await queue.TryCloseAsync(TicketId, cancellationToken)) await audit.RecordAsync(User.UserName(), "ticket.close", Subject, TicketId, HttpContext.Connection.RemoteIpAddress?.ToString());
        return Redirect("/staff/desk");
    }

    /// <summary>
    /// What "insert" puts into the reply: the channel's own form of the article. SMS and USSD customers (USSD ones are
    /// answered by SMS) get the short answer, plain text written for SMS; the others the Markdown long answer, its links
    /// to other articles leading where they lead in the bot's answers on that channel.
    /// </summary>
    public string InsertText(KnowledgeMatch match) =>
        channels.ProfileOf(Ticket.Channel).ReplyForm == ReplyForm.Long
            ? ArticleLinks.Rewrite(match.LongAnswer, id => ArticleLinks.AddressFor(Ticket.Channel, id, commandOptions.Value.PublicBaseUrl))
            : match.ShortAnswer;

    /// <summary>The bot's and agents' lines as the customer's channel rendered them (Markdown, sanitized); the customer's words as typed.</summary>
    public static bool IsRendered(HistoryEntry entry) => entry.Kind != HistoryKind.Inbound;

    public string LineClass(HistoryEntry entry) =>
        entry.Kind == HistoryKind.Inbound ? "in" : entry.Outcome == AgentReplies.AgentOutcome ? "agent" : "out";

    public string Speaker(HistoryEntry entry) =>
        entry.Kind == HistoryKind.Inbound ? T("you") : entry.Outcome == AgentReplies.AgentOutcome ? T("agentLine", ("agent", entry.Subject ?? "")) : T("bot");

    private string Subject => Ticket.CustomerId ?? Ticket.Channel + "|" + Ticket.Address;

    private async Task<bool> LoadTicketAsync(CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(TicketId, cancellationToken) is not { } ticket) return false;
        Ticket = ticket;
        Customer = ticket.CustomerId is { } id
            ? await customers.GetAsync(id, cancellationToken)
            : await customers.FindByIdentityAsync(ticket.Channel, ticket.Address, cancellationToken);
        return true;
    }

    private async Task LoadTimelineAsync(CancellationToken cancellationToken) =>
        Timeline = Customer is not null
            ? await history.ForCustomerAsync(Customer.Id, TimelineLength, cancellationToken)
            : await history.ForIdentityAsync(Ticket.Channel, Ticket.Address, TimelineLength, cancellationToken);

    private const int TimelineLength = 500;

    // A refused reply re-shows the page with the reason; nothing was sent.
    private async Task<IActionResult> BadRequestPageAsync(CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadTimelineAsync(cancellationToken);
        return Page();
    }

    /// <summary>Articles quote prices through placeholders; what the agent inserts must carry the catalogue's figures.</summary>
    private async Task<IReadOnlyList<KnowledgeMatch>> WithServiceFactsAsync(IReadOnlyList<KnowledgeMatch> matches, CancellationToken cancellationToken)
    {
        if (matches.Count == 0) return matches;
        IReadOnlyList<ServiceOffer> offers;
        try
        {
            offers = await services.AllAsync(cancellationToken);
        }
        catch (ProvisioningUnavailableException)
        {
            // No catalogue to quote from: offer only the answers that quote nothing, never a raw placeholder.
            return [.. matches.Where(m => !ServiceFacts.PlaceholdersIn(m.LongAnswer).Any())];
        }
        return [.. matches.Select(m => m with
        {
            ShortAnswer = facts.Render(m.ShortAnswer, offers, m.Language), LongAnswer = facts.Render(m.LongAnswer, offers, m.Language),
        })];
    }
}
