using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SelfService.Channels.Ussd;

/// <summary>
/// Trust is configured, never assumed: the HTTP callback trusts the phoneNumber it is given, so it refuses to start
/// without transport authentication, and the start-up error names the setting to add.
/// </summary>
public sealed class UssdOptionsValidator(IHostEnvironment environment) : IValidateOptions<UssdOptions>
{
    public const int MinimumApiKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, UssdOptions options)
    {
        var problems = new List<string>();
        if (options.Smpp.Enabled)
        {
            try { options.Smpp.Validate(); }
            catch (ArgumentException ex) { problems.Add(ex.Message); }
        }
        if (options.HttpEnabled) problems.AddRange(HttpProblems(options));
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private IEnumerable<string> HttpProblems(UssdOptions options)
    {
        var hasKey = !string.IsNullOrEmpty(options.ApiKey);
        if (hasKey && options.ApiKey!.Length < MinimumApiKeyLength)
            yield return $"Channels:Ussd:ApiKey must be at least {MinimumApiKeyLength} characters (e.g. openssl rand -hex 24).";
        foreach (var source in options.AllowedSources.Where(s => !TryParseSource(s, out _)))
            yield return $"Channels:Ussd:AllowedSources has \"{source}\", which is neither an IP address nor a network (192.0.2.0/24).";

        if (hasKey || options.AllowedSources.Count > 0) yield break;
        if (options.AllowUnauthenticatedInDevelopment && environment.IsDevelopment()) yield break;
        yield return options.AllowUnauthenticatedInDevelopment
            ? "Channels:Ussd:AllowUnauthenticatedInDevelopment works only in the Development environment. Set Channels:Ussd:ApiKey "
              + "(the aggregator sends it as X-Api-Key) and/or Channels:Ussd:AllowedSources (the aggregator's addresses)."
            : "The USSD HTTP callback (Channels:Ussd:HttpEnabled) trusts the caller's phoneNumber, so it needs transport authentication: "
              + "set Channels:Ussd:ApiKey (the aggregator sends it as X-Api-Key) and/or Channels:Ussd:AllowedSources (the aggregator's "
              + "addresses), or set Channels:Ussd:HttpEnabled=false.";
    }

    /// <summary>An address is a network of one.</summary>
    internal static bool TryParseSource(string source, out IPNetwork network)
    {
        if (IPNetwork.TryParse(source, out network)) return true;
        if (!IPAddress.TryParse(source, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }
}
