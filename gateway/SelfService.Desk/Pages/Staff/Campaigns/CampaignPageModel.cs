using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Staff;
using SelfService.Storage.Campaigns;

namespace SelfService.Desk.Pages.Staff.Campaigns;

/// <summary>What the campaign pages share: who acts, the audit of it (the same actions the API records), and how states and times read.</summary>
public abstract class CampaignPageModel : DeskPageModel
{
    protected string Actor => User.UserName();

    protected Task AuditAsync(string action, string subject, string? details) =>
        HttpContext.RequestServices.GetRequiredService<AuditTrail>()
            .RecordAsync(Actor, action, subject, details, HttpContext.Connection.RemoteIpAddress?.ToString());

    public string StateName(CampaignState state) => T("cmState" + state);

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
