namespace SelfService.Staff;

/// <summary>
/// What a member of staff may do. Roles add up: a supervisor also works the queue, a reviewer also edits.
/// Role names are stored and shown as they are here.
/// </summary>
public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>Writes, launches, pauses and cancels outbound campaigns.</summary>
    public const string CampaignManager = "campaign-manager";

    public static IReadOnlyList<string> All { get; } = [Agent, Editor, Reviewer, Supervisor, Admin, CampaignManager];

    public static bool IsKnown(string role) => All.Contains(role);
}
