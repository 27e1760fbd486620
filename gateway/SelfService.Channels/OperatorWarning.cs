namespace SelfService.Channels;

/// <summary>
/// Something about how the gateway runs that the operator must not miss, registered at start by whoever knows it (a
/// relaxed security setting, say) and shown on the dashboard as well as in the log.
/// </summary>
public sealed record OperatorWarning(string English, string Russian)
{
    public string In(string language) => language == "ru" ? Russian : English;
}
