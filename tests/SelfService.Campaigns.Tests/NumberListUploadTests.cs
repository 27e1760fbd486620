using System.Text;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns.Tests;

public sealed class NumberListUploadTests
{
    [Test]
    public async Task Read_CountsRefusedAndDuplicateLines_AndKeepsEachNumberOnce()
    {
        await using var harness = await CampaignHarness.StartAsync(subscribers: 1);
        await harness.CreateRunningAsync(c => c.Audience = new CampaignAudience { Kind = AudienceKind.List });
        var upload = new NumberListUpload(harness.Storage.Campaigns, new MsisdnNormalizer("RU"), Options.Create(harness.Options));
        var csv = "msisdn,name\n+79160000001,Иван\n\n8 916 000-00-02;Анна\nnot a number\n+79160000001\n\"+447700900123\",John\n";

        var result = await upload.ReadAsync("c1", new StringReader(csv), CancellationToken.None);

        Assert.That(result, Is.EqualTo(new ListUploadResult(7, 3, 2, 1, result.FirstRefusedLines)));
        Assert.That(result.FirstRefusedLines, Is.EqualTo(new[] { 1, 5 }));
        Assert.That(await harness.Storage.Campaigns.ListNumbersAsync("c1", null, 10, CancellationToken.None),
            Is.EqualTo(new[] { "+447700900123", "+79160000001", "+79160000002" }));
        var campaign = (await harness.Storage.Campaigns.GetAsync("c1", CancellationToken.None))!;
        Assert.That((campaign.RefusedLines, campaign.DuplicateLines), Is.EqualTo((2, 1)));
    }

    [Test]
    public async Task Read_ALongList_IsStreamed_AndItsRunReachesEveryNumber()
    {
        const int lines = 10_000;
        await using var harness = await CampaignHarness.StartAsync(subscribers: 1);
        harness.Options.PageSize = 1000;
        await harness.CreateRunningAsync(c =>
        {
            c.Audience = new CampaignAudience { Kind = AudienceKind.List };
            c.PartsPerSecond = 1_000_000;
        });
        var upload = new NumberListUpload(harness.Storage.Campaigns, new MsisdnNormalizer("RU"), Options.Create(harness.Options));

        var started = GC.GetAllocatedBytesForCurrentThread();
        var result = await upload.ReadAsync("c1", new GeneratedList(lines), CancellationToken.None);
        TestContext.Out.WriteLine($"list upload: {lines} lines, {(GC.GetAllocatedBytesForCurrentThread() - started) / 1024 / 1024} MB allocated on the reading thread");

        Assert.That((result.Added, result.Refused), Is.EqualTo((lines, 0)));
        var finished = harness.RunFinishedAsync("c1");
        await harness.Runner.FireAsync("c1", CampaignHarness.Start, CancellationToken.None);
        await harness.RunClockUntilAsync(finished, TimeSpan.FromSeconds(1));
        var progress = await harness.Storage.Campaigns.ProgressAsync("c1", CampaignRun.KeyOf(CampaignHarness.Start), CancellationToken.None);
        Assert.That(progress.HandedOver, Is.EqualTo(lines));
    }

    /// <summary>A CSV made line by line as it is read: nothing of it is ever whole in memory.</summary>
    private sealed class GeneratedList(int lines) : TextReader
    {
        private int _line;

        public override string? ReadLine() =>
            _line++ < lines ? "+7903" + _line.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + ",x" : null;

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
    }
}
