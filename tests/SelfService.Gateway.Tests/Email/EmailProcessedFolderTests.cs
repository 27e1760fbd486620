namespace SelfService.Gateway.Tests.Email;

/// <summary>With a processed folder configured, handled mail is moved there instead of flagged.</summary>
public class EmailProcessedFolderTests : EmailGatewayTest
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Channels:Email:Imap:ProcessedFolder"] = "Processed",
    };

    [Test]
    public async Task AnsweredMail_IsMovedToTheProcessedFolder_WhichIsCreatedWhenMissing()
    {
        var question = Anna.Compose(SpecialAddress, "HELP", "");
        await Anna.SendAsync(question);
        await Anna.WaitForReplyToAsync(question.MessageId!, ReplyTimeout);

        var deadline = DateTime.UtcNow + ReplyTimeout;
        while ((await Special.ReadInboxAsync()).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.That(await Special.ReadInboxAsync(), Is.Empty);
        var processed = await Special.ReadFolderAsync("Processed");
        Assert.That(processed.Select(m => m.Message.MessageId), Is.EqualTo(new[] { question.MessageId }));
        Assert.That(processed[0].Flags.HasFlag(MailKit.MessageFlags.Seen), Is.True);
    }
}
