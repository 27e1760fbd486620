namespace SelfService.Commands.Policies;

public enum PolicyDecision { Allowed, NeedsIdentity, ChannelNotAllowed }
