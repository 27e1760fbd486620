namespace SelfService.Speech.Text;

/// <summary>One spoken menu line: the key to press (1–9, 0, * or #) and what it picks.</summary>
public sealed record MenuChoice(char Key, string Label);
