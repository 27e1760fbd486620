namespace SelfService.Commands.Tests.Answers;

/// <summary>An article's service facts reach the customer rendered from the catalogue, in both answer forms.</summary>
public sealed class AnswerRenderingTests
{
    private ProcessorHarness _harness = null!;

    [SetUp]
    public async Task Start() => _harness = await ProcessorHarness.StartAsync();

    [TearDown]
    public void Stop() => _harness.Dispose();

    [TestCase("сколько стоит автоответчик?", "voicemail-ru", "49 ₽")]
    [TestCase("how much does voicemail cost?", "voicemail-en", "49 RUB")]
    public async Task Answer_QuotesTheCatalogue_NotThePlaceholder(string question, string article, string price)
    {
        var outcome = await _harness.SendAsync(ProcessorHarness.Web, "visitor-1", question);
        var reply = outcome.Replies[0].Reply;

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Subject, Is.EqualTo(article));
            Assert.That(reply.Short, Does.Contain(price).And.Not.Contain("{{"));
            Assert.That(reply.LongForm, Does.Contain(price).And.Not.Contain("{{"));
        });
    }
}
