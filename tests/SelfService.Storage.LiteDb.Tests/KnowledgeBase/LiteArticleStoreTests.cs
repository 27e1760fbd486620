using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.KnowledgeBase;
using SelfService.Storage.LiteDb.KnowledgeBase;

namespace SelfService.Storage.LiteDb.Tests.KnowledgeBase;

/// <summary>A file the knowledge base wrote before the port reads the same through it.</summary>
public sealed class LiteArticleStoreTests
{
    private static readonly DateTime At = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task Read_DocumentsAsTheKnowledgeBaseStoredThem_EveryFieldComesBack()
    {
        using var storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        // The shapes of the documents the knowledge base wrote itself before the port (its ArticleDocument,
        // ArticleVersionDocument and ArticleTransitionDocument, since removed).
        await storage.Writer.WriteAsync(db =>
        {
            db.GetCollection("kb_articles").Insert(new BsonDocument
            {
                ["_id"] = "roaming-en", ["Language"] = "en", ["Category"] = "roaming", ["Title"] = "Roaming",
                ["Status"] = "Published", ["LatestVersion"] = 2, ["LiveVersion"] = 1, ["ReviewComment"] = "ok",
                ["CreatedAt"] = At, ["UpdatedAt"] = At.AddHours(1),
            });
            var versions = db.GetCollection("kb_article_versions");
            foreach (var number in new[] { 2, 1 })
            {
                versions.Insert(new BsonDocument
                {
                    ["_id"] = $"roaming-en#00000{number}", ["ArticleId"] = "roaming-en", ["Number"] = number, ["Author"] = "olga",
                    ["SavedAt"] = At, ["Language"] = "en", ["Category"] = "roaming", ["Title"] = "Roaming",
                    ["Questions"] = new BsonArray(new BsonValue("How much?")), ["Keywords"] = new BsonArray(new BsonValue("roaming")),
                    ["ShortAnswer"] = "v" + number, ["LongAnswer"] = "long",
                });
            }

            db.GetCollection("kb_article_transitions", BsonAutoId.Int32).Insert(new BsonDocument
            {
                ["ArticleId"] = "roaming-en", ["Kind"] = "Approved", ["From"] = "InReview", ["To"] = "Published", ["Version"] = 1,
                ["Actor"] = "igor", ["At"] = At, ["Comment"] = BsonValue.Null,
            });
        });

        var article = (await storage.Articles.GetAsync("roaming-en", CancellationToken.None))!;
        Assert.That((article.Status, article.LatestVersion, article.LiveVersion, article.ReviewComment), Is.EqualTo((StoredArticleStatus.Published, 2, 1, "ok")));
        Assert.That((article.CreatedAt, article.UpdatedAt), Is.EqualTo((new DateTimeOffset(At), new DateTimeOffset(At.AddHours(1)))));
        var stored = await storage.Articles.VersionsAsync("roaming-en", CancellationToken.None);
        Assert.That(stored.Select(v => (v.Number, v.ShortAnswer, v.Author)), Is.EqualTo(new[] { (1, "v1", "olga"), (2, "v2", "olga") }));
        Assert.That((stored[0].Questions, stored[0].Keywords, stored[0].SavedAt), Is.EqualTo((new[] { "How much?" }, new[] { "roaming" }, new DateTimeOffset(At))));
        var step = (await storage.Articles.TransitionsAsync("roaming-en", CancellationToken.None)).Single();
        Assert.That((step.Id, step.Kind, step.From, step.To, step.Actor, step.Comment), Is.EqualTo((1, StoredTransitionKind.Approved, (StoredArticleStatus?)StoredArticleStatus.InReview, StoredArticleStatus.Published, "igor", (string?)null)));
        Assert.That((await storage.Articles.ListLiveAsync(CancellationToken.None)).Single().ShortAnswer, Is.EqualTo("v1"));
    }

    [Test]
    public async Task Change_OnADatabaseSharedWithOtherAreas_UsesOnlyKbPrefixedCollections()
    {
        // The gateway keeps every area in one file: the knowledge base's collections must not collide with anyone's.
        var engine = new ReopenableEngine(() => new LiteEngine(new EngineSettings { DataStream = new MemoryStream() }));
        using var database = new LiteDatabase(engine);
        using (var writer = new GroupCommitWriter(database, engine, null, new LiteDbStorageOptions(), NullLogger.Instance))
        {
            var store = new LiteArticleStore(database, writer);
            await store.ChangeAsync("roaming-en", _ =>
            {
                var article = new StoredArticle { Id = "roaming-en", Language = "en", LatestVersion = 1 };
                var version = new StoredArticleVersion { Id = StoredArticleVersion.MakeId("roaming-en", 1), ArticleId = "roaming-en", Number = 1 };
                var step = new StoredArticleTransition { ArticleId = "roaming-en", Kind = StoredTransitionKind.Created, Version = 1 };
                return new ArticleStep<bool>(true, article, version, step);
            }, CancellationToken.None);
        }

        Assert.That(database.GetCollectionNames(), Is.Not.Empty.And.All.StartsWith("kb_"));
    }
}
