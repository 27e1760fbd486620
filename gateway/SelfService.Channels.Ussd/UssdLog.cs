using Microsoft.Extensions.Logging;

namespace SelfService.Channels.Ussd;

internal static partial class UssdLog
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "SECURITY: the USSD callback {Route} accepts ANYONE as ANY subscriber (Channels:Ussd:AllowUnauthenticatedInDevelopment). "
            + "Never expose this gateway; set Channels:Ussd:ApiKey or Channels:Ussd:AllowedSources.")]
    public static partial void UnauthenticatedCallback(ILogger logger, string route);
}
