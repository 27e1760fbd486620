namespace SelfService.Staff;

/// <summary>The authorization policies pages and APIs ask for; each names the roles that satisfy it.</summary>
public static class StaffPolicies
{
    /// <summary>The queue, the screen pop-up, replying to customers.</summary>
    public const string Agents = "agents";

    /// <summary>Drafting and editing knowledge-base articles.</summary>
    public const string Editors = "editors";

    /// <summary>Publishing or returning articles.</summary>
    public const string Reviewers = "reviewers";

    /// <summary>The dashboard, the outbox, transfers between groups.</summary>
    public const string Supervisors = "supervisors";

    /// <summary>Outbound campaigns: writing, launching, pausing, cancelling, following their progress.</summary>
    public const string CampaignManagers = "campaign-managers";

    /// <summary>Staff accounts and tokens.</summary>
    public const string Admins = "admins";

    internal static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Agents] = [StaffRoles.Agent, StaffRoles.Supervisor, StaffRoles.Admin],
        [Editors] = [StaffRoles.Editor, StaffRoles.Reviewer, StaffRoles.Admin],
        [Reviewers] = [StaffRoles.Reviewer, StaffRoles.Admin],
        [Supervisors] = [StaffRoles.Supervisor, StaffRoles.Admin],
        [Admins] = [StaffRoles.Admin],
        [CampaignManagers] = [StaffRoles.CampaignManager, StaffRoles.Admin],
    };
}
