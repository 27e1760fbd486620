namespace SelfService.Storage.Staff;

/// <summary>
/// Which audit entries to read: only one actor's or one subject's when given, and for the next page, only those older
/// than <paramref name="Before"/> (the id of the last entry of the page before).
/// </summary>
public sealed record AuditQuery(int Limit, string? Actor = null, string? Subject = null, string? Before = null);
