using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SelfService.KnowledgeBase;
using SelfService.Staff;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>What the knowledge pages share: who acts, the audit of it, whether they may review, and how states and times read.</summary>
public abstract class KnowledgePageModel : DeskPageModel
{
    protected string Actor => User.UserName();

    /// <summary>Reviewers and admins publish and return; editors only draft and submit.</summary>
    protected async Task<bool> MayReviewAsync() =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, StaffPolicies.Reviewers)).Succeeded;

    protected Task AuditAsync(string action, string articleId, string? details) =>
        HttpContext.RequestServices.GetRequiredService<AuditTrail>()
            .RecordAsync(Actor, action, articleId, details, HttpContext.Connection.RemoteIpAddress?.ToString());

    public string StatusName(ArticleStatus status) => T("kbStatus" + status);

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
