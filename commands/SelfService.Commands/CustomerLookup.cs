using SelfService.Commands.Customers;
using SelfService.Provisioning;
using SelfService.Storage.Conversations;

namespace SelfService.Commands;

/// <summary>
/// What tells the processor who is writing: the customers it knows, each sender's conversation, and the operator's
/// subscriber record (which knows a newcomer's language).
/// </summary>
internal sealed record CustomerLookup(CustomerDirectory Customers, IConversationStore Conversations, IProvisioningBackend Provisioning);
