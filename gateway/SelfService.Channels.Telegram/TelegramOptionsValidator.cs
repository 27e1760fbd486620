using Microsoft.Extensions.Options;

namespace SelfService.Channels.Telegram;

/// <summary>Refuses to start with unusable Telegram settings, naming every bad one.</summary>
public sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
