namespace SelfService.Commands.Understanding;

/// <summary>One word of a customer's message: as written (lower case, ё as е) and its stem, which is what phrases compare.</summary>
public readonly record struct MessageWord(string Text, string Stem);
