using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;
using SelfService.Storage.Statistics;

namespace SelfService.Storage;

/// <summary>
/// Records of every kind a store keeps, as one engine exports them and another imports them (moving a gateway from
/// LiteDB to PostgreSQL). A page of an export fills some lists and leaves the others empty. Delivery receipts waiting
/// for their part are not carried: they live an hour.
/// </summary>
public sealed class StorageRecords
{
    public List<InboundRecord> Inbound { get; } = [];
    public List<OutboxRecord> Outbox { get; } = [];
    public List<ConversationState> Conversations { get; } = [];
    public List<Customer> Customers { get; } = [];
    public List<HistoryEntry> History { get; } = [];
    public List<ProvisionedService> Services { get; } = [];
    public List<ProvisionedSubscriber> Subscribers { get; } = [];

    /// <summary>Change requests in the order they were stored.</summary>
    public List<ServiceChangeRecord> ServiceChanges { get; } = [];

    public List<ConcatenatedPart> ConcatenatedParts { get; } = [];
    public List<EmailThread> EmailThreads { get; } = [];
    public List<TelegramChat> TelegramChats { get; } = [];
    public long? TelegramOffset { get; set; }
    public Dictionary<string, int> TelegramPartsSent { get; } = [];
    public List<WebChatConversation> WebChatConversations { get; } = [];

    /// <summary>With their sequence numbers, which the browsers hold as watermarks: an import keeps them.</summary>
    public List<WebChatActivity> WebChatActivities { get; } = [];

    public List<DirectLineConversationRecord> DirectLineConversations { get; } = [];
    public List<DirectLineActivityRecord> DirectLineActivities { get; } = [];
    public Dictionary<string, byte[]> SigningKeys { get; } = [];
    public List<StaffAccount> StaffAccounts { get; } = [];
    public List<ApiToken> ApiTokens { get; } = [];
    public List<AuditEntry> Audit { get; } = [];
    public List<EscalationTicket> Escalations { get; } = [];
    public List<StoredArticle> Articles { get; } = [];
    public List<StoredArticleVersion> ArticleVersions { get; } = [];

    /// <summary>With their ids, in the order they were stored.</summary>
    public List<StoredArticleTransition> ArticleTransitions { get; } = [];

    public List<TrafficHour> Traffic { get; } = [];

    public List<Campaign> Campaigns { get; } = [];
    public List<CampaignListNumber> CampaignNumbers { get; } = [];
    public List<CampaignRecipient> CampaignRecipients { get; } = [];
    public List<StoppedTopic> StoppedTopics { get; } = [];
    public List<OptOutChange> OptOutChanges { get; } = [];
    public List<SurveyResponse> SurveyResponses { get; } = [];

    /// <summary>How many records of each kind (for a report), the kinds with none left out.</summary>
    public IReadOnlyDictionary<string, int> Counts() => new Dictionary<string, int>
    {
        [nameof(Inbound)] = Inbound.Count, [nameof(Outbox)] = Outbox.Count, [nameof(Conversations)] = Conversations.Count,
        [nameof(Customers)] = Customers.Count, [nameof(History)] = History.Count, [nameof(Services)] = Services.Count,
        [nameof(Subscribers)] = Subscribers.Count, [nameof(ServiceChanges)] = ServiceChanges.Count, [nameof(ConcatenatedParts)] = ConcatenatedParts.Count,
        [nameof(EmailThreads)] = EmailThreads.Count, [nameof(TelegramChats)] = TelegramChats.Count, [nameof(TelegramOffset)] = TelegramOffset is null ? 0 : 1,
        [nameof(TelegramPartsSent)] = TelegramPartsSent.Count, [nameof(WebChatConversations)] = WebChatConversations.Count,
        [nameof(WebChatActivities)] = WebChatActivities.Count, [nameof(DirectLineConversations)] = DirectLineConversations.Count,
        [nameof(DirectLineActivities)] = DirectLineActivities.Count, [nameof(SigningKeys)] = SigningKeys.Count, [nameof(StaffAccounts)] = StaffAccounts.Count,
        [nameof(ApiTokens)] = ApiTokens.Count, [nameof(Audit)] = Audit.Count, [nameof(Escalations)] = Escalations.Count, [nameof(Articles)] = Articles.Count,
        [nameof(ArticleVersions)] = ArticleVersions.Count, [nameof(ArticleTransitions)] = ArticleTransitions.Count, [nameof(Traffic)] = Traffic.Count,
        [nameof(Campaigns)] = Campaigns.Count, [nameof(CampaignNumbers)] = CampaignNumbers.Count, [nameof(CampaignRecipients)] = CampaignRecipients.Count,
        [nameof(StoppedTopics)] = StoppedTopics.Count, [nameof(OptOutChanges)] = OptOutChanges.Count,
        [nameof(SurveyResponses)] = SurveyResponses.Count,
    }.Where(c => c.Value > 0).ToDictionary();
}

/// <summary>An engine that can hand over everything it holds, to move a gateway to another engine.</summary>
public interface IStorageExport
{
    /// <summary>Every record, in pages of at most <paramref name="pageSize"/> records of one kind.</summary>
    IAsyncEnumerable<StorageRecords> ExportAsync(int pageSize, CancellationToken cancellationToken);
}

/// <summary>An engine that can take over what another one held.</summary>
public interface IStorageImport
{
    /// <summary>
    /// Stores the records as they were in the source, in one commit, keeping their ids and sequence numbers. A record whose
    /// key is there already is left as it is, so an import run again adds nothing.
    /// </summary>
    Task ImportAsync(StorageRecords records, CancellationToken cancellationToken);
}
