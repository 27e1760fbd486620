using Microsoft.Extensions.Options;

namespace SelfService.Provisioning.Http;

/// <summary>Rejects settings that would make every call fail or never time out.</summary>
internal sealed class HttpProvisioningOptionsValidator : IValidateOptions<HttpProvisioningOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpProvisioningOptions options)
    {
        var failures = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("HttpProvisioningOptions.BaseAddress must be an absolute http or https address.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("HttpProvisioningOptions.AttemptTimeout must be positive.");
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add("HttpProvisioningOptions.TotalTimeout must be at least AttemptTimeout.");
        }

        if (options.RetryCount is < 0 or > 10)
        {
            failures.Add("HttpProvisioningOptions.RetryCount must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("HttpProvisioningOptions.RetryBaseDelay must not be negative.");
        }

        if (!string.IsNullOrEmpty(options.ApiKey) && string.IsNullOrWhiteSpace(options.ApiKeyHeaderName))
        {
            failures.Add("HttpProvisioningOptions.ApiKeyHeaderName must be set when ApiKey is.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
