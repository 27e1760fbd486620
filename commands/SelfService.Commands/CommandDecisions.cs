using SelfService.ActionCodes;
using SelfService.Commands.Policies;
using SelfService.Commands.Understanding;

namespace SelfService.Commands;

/// <summary>
/// What decides what a message asks for and acts on it: the catalogue of action codes, the understanding of requests in
/// customers' own words, the access policies, and the handlers that run a request.
/// </summary>
internal sealed record CommandDecisions(ActionCatalogue Catalogue, RequestUnderstanding Understanding, AccessPolicy Policy, CommandHandlers Handlers);
