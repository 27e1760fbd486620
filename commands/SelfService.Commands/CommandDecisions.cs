using SelfService.Commands.Policies;
using SelfService.Commands.Understanding;

namespace SelfService.Commands;

/// <summary>
/// What decides what a message asks for and acts on it: the understanding of requests (codes and customers' own words,
/// from the catalogue), the access policies, and the handlers that run a request.
/// </summary>
internal sealed record CommandDecisions(RequestUnderstanding Understanding, AccessPolicy Policy, CommandHandlers Handlers);
