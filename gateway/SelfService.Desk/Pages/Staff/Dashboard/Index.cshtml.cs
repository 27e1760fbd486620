using Microsoft.AspNetCore.Mvc;
using SelfService.Channels;
using SelfService.Desk.Dashboard;

namespace SelfService.Desk.Pages.Staff.Dashboard;

/// <summary>The operator's live figures: volume per channel, containment, escalations, queue and waits, agents, connections, outbox.</summary>
public sealed class IndexModel(OperationsFigures figures, IEnumerable<OperatorWarning> warnings) : DeskPageModel
{
    /// <summary>Relaxed settings and the like, shown above the figures.</summary>
    public IReadOnlyList<OperatorWarning> Warnings { get; } = [.. warnings];

    public OperationsSnapshot Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await figures.CurrentAsync(cancellationToken);

    /// <summary>The figures alone, fetched when the server says they changed.</summary>
    public async Task<PartialViewResult> OnGetFiguresAsync(CancellationToken cancellationToken)
    {
        Figures = await figures.CurrentAsync(cancellationToken);
        return Partial("_Figures", this);
    }

    public static string Minutes(TimeSpan? wait) => wait is { } w ? $"{(int)w.TotalMinutes}:{w.Seconds:00}" : "—";
}
