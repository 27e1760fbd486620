namespace SelfService.Commands;

/// <summary>
/// The canonical codes the processor knows how to run. Customers never type these literally: the
/// operator's catalogue maps their words (БАЛАНС, ВКЛ, ?...) to them.
/// </summary>
internal static class ActionNames
{
    public const string Balance = "BAL";
    public const string Activate = "ACT";
    public const string Deactivate = "DEACT";
    public const string Status = "STATUS";
    public const string Help = "HELP";
    public const string Stop = "STOP";
    public const string Start = "START";
    public const string Agent = "AGENT";
    public const string Callback = "CALLBACK";
    public const string Yes = "YES";
    public const string No = "NO";
    public const string Link = "LINK";
    public const string Code = "CODE";
    public const string Pin = "PIN";
    public const string Menu = "MENU";
    public const string Language = "LANG";
}
