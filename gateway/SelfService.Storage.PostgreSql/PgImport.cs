using SelfService.Storage.Messages;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// Writes another engine's records into the tables as they were: the same rows the stores write, with their ids and
/// sequence numbers kept (a browser's watermark or an article step's number means the same after the move), each insert
/// skipping a key that is there, so an import run again adds nothing.
/// </summary>
internal static class PgImport
{
    public static Task ImportAsync(PgDatabase database, StorageRecords records, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await using var batch = new SqlBatch(connection);
            foreach (var r in records.Inbound)
            {
                r.Text = StoredText.Of(r.Text);
                batch.Add("INSERT INTO inbound (id, dedup_key, state, received_at, doc) VALUES (@id, @key, @state, @at, @doc) ON CONFLICT DO NOTHING",
                    ("id", r.Id), ("key", r.DedupKey), ("state", r.State), ("at", r.ReceivedAt), ("doc", Documents.Of(r)));
            }
            PgOutbox.InsertNew(batch, records.Outbox);
            foreach (var c in records.Conversations)
                batch.Add("INSERT INTO conversations (key, doc) VALUES (@key, @doc) ON CONFLICT DO NOTHING", ("key", c.Key), ("doc", Documents.Of(c)));
            foreach (var c in records.Customers)
                batch.Add("INSERT INTO customers (id, msisdn, identity_keys, doc) VALUES (@id, @msisdn, @keys, @doc) ON CONFLICT DO NOTHING",
                    ("id", c.Id), ("msisdn", c.Msisdn), ("keys", c.Identities.Select(i => IdentityKeys.Of(i.Channel, i.Address)).ToArray()), ("doc", Documents.Of(c)));
            foreach (var e in records.History)
                batch.Add("""
                    INSERT INTO history (id, customer_id, identity_key, kind, outcome, at, doc) VALUES (@id, @customer, @identity, @kind, @outcome, @at, @doc)
                    ON CONFLICT DO NOTHING
                    """, ("id", e.Id), ("customer", e.CustomerId), ("identity", IdentityKeys.Of(e.Channel, e.Address)), ("kind", e.Kind), ("outcome", e.Outcome),
                    ("at", e.At), ("doc", Documents.Of(e)));
            foreach (var s in records.Services)
                batch.Add("INSERT INTO prov_services (code, doc) VALUES (@code, @doc) ON CONFLICT DO NOTHING", ("code", s.Code), ("doc", Documents.Of(s)));
            foreach (var s in records.Subscribers)
                batch.Add("INSERT INTO prov_subscribers (msisdn, doc) VALUES (@msisdn, @doc) ON CONFLICT DO NOTHING", ("msisdn", s.Msisdn), ("doc", Documents.Of(s)));
            foreach (var c in records.ServiceChanges)   // in order: the identity numbers them as the source did
                batch.Add("INSERT INTO prov_changes (request_id, msisdn, doc) VALUES (@id, @msisdn, @doc) ON CONFLICT DO NOTHING",
                    ("id", c.RequestId), ("msisdn", c.Msisdn), ("doc", Documents.Of(c)));
            foreach (var p in records.ConcatenatedParts)
                batch.Add("INSERT INTO sms_mo_parts (id, set_key, received_at, doc) VALUES (@id, @set, @at, @doc) ON CONFLICT DO NOTHING",
                    ("id", p.Id), ("set", p.SetKey), ("at", p.ReceivedAt), ("doc", Documents.Of(p)));
            foreach (var t in records.EmailThreads)
                batch.Add("INSERT INTO email_threads (id, doc) VALUES (@id, @doc) ON CONFLICT DO NOTHING", ("id", t.Id), ("doc", Documents.Of(t)));
            foreach (var c in records.TelegramChats)
                batch.Add("INSERT INTO telegram_chats (id, doc) VALUES (@id, @doc) ON CONFLICT DO NOTHING", ("id", c.Id), ("doc", Documents.Of(c)));
            if (records.TelegramOffset is { } offset)
                batch.Add("INSERT INTO telegram_state (key, value) VALUES ('getUpdates.offset', @value) ON CONFLICT DO NOTHING", ("value", offset));
            foreach (var (outboxId, parts) in records.TelegramPartsSent)
                batch.Add("INSERT INTO telegram_sent_parts (outbox_id, parts) VALUES (@id, @parts) ON CONFLICT DO NOTHING", ("id", outboxId), ("parts", parts));
            foreach (var c in records.WebChatConversations)
                batch.Add("INSERT INTO webchat_conversations (id, created_at, doc) VALUES (@id, @at, @doc) ON CONFLICT DO NOTHING",
                    ("id", c.Id), ("at", c.CreatedAt), ("doc", Documents.Of(c)));
            foreach (var a in records.WebChatActivities)
                batch.Add("""
                    INSERT INTO webchat_activities (seq, activity_id, conversation_id, at, doc) OVERRIDING SYSTEM VALUE
                    VALUES (@seq, @id, @conversation, @at, @doc) ON CONFLICT DO NOTHING
                    """, ("seq", a.Seq), ("id", a.ActivityId), ("conversation", a.ConversationId), ("at", a.At), ("doc", Documents.Of(a)));
            foreach (var c in records.DirectLineConversations)
                batch.Add("INSERT INTO directline_conversations (id, created_at) VALUES (@id, @at) ON CONFLICT DO NOTHING", ("id", c.Id), ("at", c.CreatedAt));
            foreach (var a in records.DirectLineActivities)
                batch.Add("""
                    INSERT INTO directline_activities (seq, key, conversation_id, at, doc) OVERRIDING SYSTEM VALUE
                    VALUES (@seq, @key, @conversation, @at, @doc) ON CONFLICT DO NOTHING
                    """, ("seq", a.Seq), ("key", a.Key), ("conversation", a.ConversationId), ("at", a.Timestamp), ("doc", Documents.Of(a)));
            foreach (var (name, key) in records.SigningKeys)
                batch.Add("INSERT INTO signing_keys (name, key) VALUES (@name, @key) ON CONFLICT DO NOTHING", ("name", name), ("key", key));
            foreach (var a in records.StaffAccounts)
                batch.Add("INSERT INTO staff_accounts (id, user_name, roles, disabled, doc) VALUES (@id, @name, @roles, @disabled, @doc) ON CONFLICT DO NOTHING",
                    ("id", a.Id), ("name", a.UserName), ("roles", a.Roles.ToArray()), ("disabled", a.Disabled), ("doc", Documents.Of(a)));
            foreach (var t in records.ApiTokens)
                batch.Add("""
                    INSERT INTO api_tokens (id, hash, account_id, revoked, created_at, doc) VALUES (@id, @hash, @account, @revoked, @created, @doc) ON CONFLICT DO NOTHING
                    """, ("id", t.Id), ("hash", t.Hash), ("account", t.AccountId), ("revoked", t.Revoked), ("created", t.CreatedAt), ("doc", Documents.Of(t)));
            foreach (var e in records.Audit)
                batch.Add("INSERT INTO staff_audit (id, actor, subject, doc) VALUES (@id, @actor, @subject, @doc) ON CONFLICT DO NOTHING",
                    ("id", e.Id), ("actor", e.Actor), ("subject", e.Subject), ("doc", Documents.Of(e)));
            foreach (var t in records.Escalations)
                batch.Add("""
                    INSERT INTO escalations (id, state, queue_group, agent, enqueued_at, taken_at, doc) VALUES (@id, @state, @group, @agent, @enqueued, @taken, @doc)
                    ON CONFLICT DO NOTHING
                    """, ("id", t.Id), ("state", t.State), ("group", t.Group), ("agent", t.Agent), ("enqueued", t.EnqueuedAt), ("taken", t.TakenAt),
                    ("doc", Documents.Of(t)));
            foreach (var a in records.Articles)
                batch.Add("INSERT INTO kb_articles (id, live_version, doc) VALUES (@id, @live, @doc) ON CONFLICT DO NOTHING",
                    ("id", a.Id), ("live", a.LiveVersion), ("doc", Documents.Of(a)));
            foreach (var v in records.ArticleVersions)
                batch.Add("INSERT INTO kb_article_versions (id, article_id, number, doc) VALUES (@id, @article, @number, @doc) ON CONFLICT DO NOTHING",
                    ("id", v.Id), ("article", v.ArticleId), ("number", v.Number), ("doc", Documents.Of(v)));
            foreach (var t in records.ArticleTransitions)
                batch.Add("""
                    INSERT INTO kb_article_transitions (id, article_id, doc) OVERRIDING SYSTEM VALUE VALUES (@id, @article, @doc) ON CONFLICT DO NOTHING
                    """, ("id", t.Id), ("article", t.ArticleId), ("doc", Documents.Of(t)));
            foreach (var h in records.Traffic)
                batch.Add("""
                    INSERT INTO traffic_hours (hour, channel, instance, messages, senders, counted_through)
                    VALUES (@hour, @channel, @instance, @messages, @senders, @counted) ON CONFLICT DO NOTHING
                    """, ("hour", h.Hour), ("channel", h.Channel), ("instance", h.Instance), ("messages", h.Messages), ("senders", h.Senders),
                    ("counted", h.CountedThrough));
            foreach (var c in records.Campaigns)
                batch.Add("INSERT INTO campaigns (id, state, created_at, doc) VALUES (@id, @state, @created, @doc) ON CONFLICT DO NOTHING",
                    ("id", c.Id), ("state", c.State), ("created", c.CreatedAt), ("doc", Documents.Of(c)));
            foreach (var n in records.CampaignNumbers)
                batch.Add("INSERT INTO campaign_numbers (campaign_id, msisdn) VALUES (@campaign, @msisdn) ON CONFLICT DO NOTHING",
                    ("campaign", n.CampaignId), ("msisdn", n.Msisdn));
            foreach (var r in records.CampaignRecipients)
                batch.Add("""
                    INSERT INTO campaign_recipients (id, campaign_id, run, seq, state, parts, doc) VALUES (@id, @campaign, @run, @seq, @state, @parts, @doc)
                    ON CONFLICT DO NOTHING
                    """, ("id", r.Id), ("campaign", r.CampaignId), ("run", r.Run), ("seq", r.Sequence), ("state", r.State), ("parts", r.Parts),
                    ("doc", Documents.Of(r)));
            foreach (var t in records.StoppedTopics)
                batch.Add("INSERT INTO opt_outs (msisdn, topic) VALUES (@msisdn, @topic) ON CONFLICT DO NOTHING", ("msisdn", t.Msisdn), ("topic", t.Topic));
            foreach (var c in records.OptOutChanges)
                batch.Add("INSERT INTO opt_out_changes (id, msisdn, at, doc) VALUES (@id, @msisdn, @at, @doc) ON CONFLICT DO NOTHING",
                    ("id", c.Id), ("msisdn", c.Msisdn), ("at", c.At), ("doc", Documents.Of(c)));
            foreach (var r in records.SurveyResponses)
                batch.Add("""
                    INSERT INTO survey_responses (id, survey_id, channel, address, started_at, doc) VALUES (@id, @survey, @channel, @address, @started, @doc)
                    ON CONFLICT DO NOTHING
                    """, ("id", r.Id), ("survey", r.SurveyId), ("channel", r.Channel), ("address", r.Address), ("started", r.StartedAt), ("doc", Documents.Of(r)));
            // Numbers given from now on come after the ones brought over.
            if (records.WebChatActivities.Count > 0) batch.Add(AfterImported("webchat_activities", "seq"));
            if (records.DirectLineActivities.Count > 0) batch.Add(AfterImported("directline_activities", "seq"));
            if (records.ArticleTransitions.Count > 0) batch.Add(AfterImported("kb_article_transitions", "id"));
            await batch.ExecuteAsync(cancellationToken);
        }, cancellationToken);

    private static string AfterImported(string table, string column) =>
        $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT max({column}) FROM {table}))";
}
