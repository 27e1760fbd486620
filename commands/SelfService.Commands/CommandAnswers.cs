using Microsoft.Extensions.Options;
using SelfService.Commands.Texts;
using SelfService.Storage.History;

namespace SelfService.Commands;

/// <summary>
/// What the processor answers with and records the exchange in: the reply texts, the options (limits, default language),
/// the customer's history and the clock.
/// </summary>
internal sealed record CommandAnswers(ReplyTexts Texts, IOptions<CommandOptions> Options, IHistoryStore History, TimeProvider Time);
