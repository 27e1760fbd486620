using SelfService.ActionCodes;

namespace SelfService.Commands.Understanding;

/// <summary>A request that fits several readings, or one not surely: the customer is asked which, with numbered choices.</summary>
/// <param name="Text">The message as written, answered by the knowledge base if the customer says it was a question.</param>
public sealed record UnclearInput(UnclearRequest Request, string Text) : ParsedInput;
