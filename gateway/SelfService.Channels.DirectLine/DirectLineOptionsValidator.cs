using Microsoft.Extensions.Options;

namespace SelfService.Channels.DirectLine;

/// <summary>Fails the start with every problem of an enabled channel's settings, each naming its setting.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
