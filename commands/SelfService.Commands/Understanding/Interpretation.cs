namespace SelfService.Commands.Understanding;

/// <summary>What the interpreter made of a message written in the customer's own words.</summary>
public abstract record Interpretation;

/// <summary>One request, clear enough to act on: an action code of the catalogue and its argument (a service code, a phone, digits).</summary>
public sealed record UnderstoodRequest(string Code, string? Argument) : Interpretation
{
    /// <summary>The request as the customer could have typed it exactly: <c>ACT ROAMING</c>.</summary>
    public string AsCode => Argument is null ? Code : Code + " " + Argument;
}

/// <summary>Several requests fit (two services), or one fits but not surely: ask which.</summary>
/// <param name="MayBeQuestion">True when the message may also be a question for the knowledge base: offer that as a choice too.</param>
public sealed record UnclearRequest(IReadOnlyList<UnderstoodRequest> Candidates, bool MayBeQuestion) : Interpretation;

/// <summary>No request: a question for the knowledge base, or nothing the catalogue knows.</summary>
public sealed record NoRequest : Interpretation
{
    public static NoRequest Instance { get; } = new();
}
