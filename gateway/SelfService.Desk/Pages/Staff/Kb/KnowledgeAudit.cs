namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>The audit trail's names for what editors and reviewers do to articles; the subject is the article id.</summary>
public static class KnowledgeAudit
{
    public const string Create = "kb.create";
    public const string Edit = "kb.edit";
    public const string Submit = "kb.submit";
    public const string Publish = "kb.publish";
    public const string Return = "kb.return";
    public const string Restore = "kb.restore";
}
