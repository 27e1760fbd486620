using SelfService.ActionCodes;

namespace SelfService.Commands.Understanding;

/// <summary>A request the customer wrote in their own words, read as the action code they could have typed.</summary>
/// <param name="Action">The code and argument, as if typed exactly.</param>
public sealed record UnderstoodInput(ActionCodeInput Action) : ParsedInput;
