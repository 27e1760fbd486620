namespace SelfService.Speech.Prompts;

/// <summary>A file in the recorded prompts folder that is not used, and why (shown to the operator).</summary>
public sealed record RecordedPromptProblem(string Path, string Reason);
