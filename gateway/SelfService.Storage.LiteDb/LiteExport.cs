using System.Runtime.CompilerServices;
using LiteDB;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Surveys;
using SelfService.Storage.Channels;
using SelfService.Storage.Conversations;
using SelfService.Storage.Customers;
using SelfService.Storage.Escalations;
using SelfService.Storage.History;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.LiteDb.Campaigns;
using SelfService.Storage.LiteDb.Channels;
using SelfService.Storage.LiteDb.Escalations;
using SelfService.Storage.LiteDb.KnowledgeBase;
using SelfService.Storage.LiteDb.Provisioning;
using SelfService.Storage.LiteDb.Staff;
using SelfService.Storage.LiteDb.Statistics;
using SelfService.Storage.Messages;
using SelfService.Storage.Provisioning;
using SelfService.Storage.Staff;

namespace SelfService.Storage.LiteDb;

/// <summary>
/// Reads every collection of the file out as the port's records, a page at a time, for a move to another engine. Reads
/// go to LiteDB's snapshot like every other read; the gateway should be stopped first, so that nothing changes meanwhile.
/// </summary>
internal static class LiteExport
{
    public static async IAsyncEnumerable<StorageRecords> ExportAsync(ILiteDatabase database, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Max(1, pageSize);
        IEnumerable<StorageRecords>[] kinds =
        [
            Pages(All<InboundRecord>(database, LiteInboundLog.Collection), r => r.Inbound, size),
            Pages(All<OutboxRecord>(database, LiteOutbox.Collection), r => r.Outbox, size),
            Pages(All<ConversationState>(database, LiteConversationStore.Collection), r => r.Conversations, size),
            Pages(All<Customer>(database, LiteCustomerStore.Collection), r => r.Customers, size),
            Pages(All<HistoryEntry>(database, LiteHistoryStore.Collection), r => r.History, size),
            Pages(All<ServiceDocument>(database, LiteProvisioningStore.ServicesCollection).Select(LiteProvisioningStore.ToService), r => r.Services, size),
            Pages(All<SubscriberDocument>(database, LiteProvisioningStore.SubscribersCollection).Select(LiteProvisioningStore.ToSubscriber), r => r.Subscribers, size),
            Pages(database.GetCollection<AuditDocument>(LiteProvisioningStore.AuditCollection).Query().OrderBy(a => a.Id).ToEnumerable().Select(a => new ServiceChangeRecord
            {
                RequestId = a.RequestId, Msisdn = a.Msisdn, ServiceCode = a.ServiceCode, Change = a.Change, Channel = a.Channel, Outcome = a.Outcome,
                Charged = a.Charged, BalanceBefore = a.BalanceBefore, BalanceAfter = a.BalanceAfter, At = LiteProvisioningStore.Utc(a.TimestampUtc),
            }), r => r.ServiceChanges, size),
            Pages(All<ConcatenatedPart>(database, LiteConcatenatedPartStore.Collection), r => r.ConcatenatedParts, size),
            Pages(All<EmailThread>(database, LiteEmailThreadStore.Collection), r => r.EmailThreads, size),
            Pages(All<TelegramChat>(database, LiteTelegramChatStore.Chats), r => r.TelegramChats, size),
            TelegramState(database),
            Pages(All<WebChatConversation>(database, LiteWebChatStore.Conversations), r => r.WebChatConversations, size),
            Pages(database.GetCollection<WebChatActivity>(LiteWebChatStore.Activities).Query().OrderBy("$._id").ToEnumerable(), r => r.WebChatActivities, size),
            Pages(All<DirectLineConversationRecord>(database, LiteDirectLineTranscriptStore.Conversations), r => r.DirectLineConversations, size),
            Pages(database.GetCollection<DirectLineActivityRecord>(LiteDirectLineTranscriptStore.Activities).Query().OrderBy("$._id").ToEnumerable(),
                r => r.DirectLineActivities, size),
            SigningKeys(database),
            Pages(All<StaffAccount>(database, LiteStaffAccountStore.Collection), r => r.StaffAccounts, size),
            Pages(All<ApiToken>(database, LiteApiTokenStore.Collection), r => r.ApiTokens, size),
            Pages(All<AuditEntry>(database, LiteAuditLog.Collection), r => r.Audit, size),
            Pages(All<EscalationTicket>(database, LiteEscalationStore.Collection), r => r.Escalations, size),
            Pages(All<StoredArticle>(database, LiteArticleStore.ArticlesCollection), r => r.Articles, size),
            Pages(All<StoredArticleVersion>(database, LiteArticleStore.VersionsCollection), r => r.ArticleVersions, size),
            Pages(database.GetCollection<StoredArticleTransition>(LiteArticleStore.TransitionsCollection).Query().OrderBy("$._id").ToEnumerable(),
                r => r.ArticleTransitions, size),
            Pages(database.GetCollection(LiteTrafficStatisticsStore.Collection).FindAll().Select(LiteTrafficStatisticsStore.FromDocument), r => r.Traffic, size),
            Pages(All<Campaign>(database, LiteCampaignStore.Collection), r => r.Campaigns, size),
            // A number's id is "campaign|number": the campaign is what comes before the number.
            Pages(database.GetCollection(LiteCampaignStore.NumbersCollection).FindAll().Select(d => new CampaignListNumber(
                d["_id"].AsString[..^(d["Msisdn"].AsString.Length + 1)], d["Msisdn"].AsString)), r => r.CampaignNumbers, size),
            Pages(database.GetCollection(LiteCampaignStore.RecipientsCollection).FindAll().Select(d => database.Mapper.ToObject<CampaignRecipient>(d)),
                r => r.CampaignRecipients, size),
            Pages(database.GetCollection(LiteOptOutStore.Collection).FindAll().Select(d => new StoppedTopic(d["Msisdn"].AsString, d["Topic"].AsString)),
                r => r.StoppedTopics, size),
            Pages(All<OptOutChange>(database, LiteOptOutStore.ChangesCollection), r => r.OptOutChanges, size),
            Pages(All<SurveyResponse>(database, LiteSurveyStore.Collection), r => r.SurveyResponses, size),
        ];
        foreach (var pages in kinds)
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return page;
                await Task.Yield();
            }
    }

    private static IEnumerable<T> All<T>(ILiteDatabase database, string collection) => database.GetCollection<T>(collection).FindAll();

    private static IEnumerable<StorageRecords> Pages<T>(IEnumerable<T> records, Func<StorageRecords, List<T>> list, int size)
    {
        foreach (var chunk in records.Chunk(size))
        {
            var page = new StorageRecords();
            list(page).AddRange(chunk);
            yield return page;
        }
    }

    private static IEnumerable<StorageRecords> TelegramState(ILiteDatabase database)
    {
        var page = new StorageRecords { TelegramOffset = database.GetCollection(LiteTelegramChatStore.State).FindById("getUpdates.offset")?["Value"].AsInt64 };
        foreach (var sent in database.GetCollection(LiteTelegramChatStore.SentParts).FindAll())
            page.TelegramPartsSent[sent["_id"].AsString] = (int)sent["Value"].AsInt64;
        if (page.TelegramOffset is not null || page.TelegramPartsSent.Count > 0) yield return page;
    }

    private static IEnumerable<StorageRecords> SigningKeys(ILiteDatabase database)
    {
        var page = new StorageRecords();
        foreach (var key in database.GetCollection(LiteSigningKeyStore.Collection).FindAll())
            page.SigningKeys[key["_id"].AsString] = Convert.FromBase64String(key["Key"].AsString);
        if (page.SigningKeys.Count > 0) yield return page;
    }
}
