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

    [Test]
    public async Task Read_AMillionLines_MostlyMalformedOrRepeated_CountsEach_AndStoresAsItReads()
    {
        const int lines = 1_000_000;
        await using var harness = await CampaignHarness.StartAsync(subscribers: 1);
        await harness.CreateRunningAsync(c => c.Audience = new CampaignAudience { Kind = AudienceKind.List });
        var upload = new NumberListUpload(harness.Storage.Campaigns, new MsisdnNormalizer("RU"), Options.Create(harness.Options));
        var list = new MixedList(lines, harness.Storage.Campaigns);

        var result = await upload.ReadAsync("c1", list, CancellationToken.None);
        TestContext.Out.WriteLine($"list upload: {lines} lines; managed heap after it {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MB");

        // Every 100th line a new number, the line after it that number again, the rest no number at all.
        Assert.That((result.Lines, result.Added, result.Duplicates, result.Refused), Is.EqualTo((lines, 10_000, 10_000, 980_000)));
        Assert.That(result.FirstRefusedLines, Is.EqualTo(new[] { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }), "the first few refused lines, not a million of them");
        Assert.That(list.StoredWhenLastLineWasRead, Is.GreaterThanOrEqualTo(8_000), "numbers are stored in batches as they are read, not after the whole list");
        var campaign = (await harness.Storage.Campaigns.GetAsync("c1", CancellationToken.None))!;
        Assert.That((campaign.RefusedLines, campaign.DuplicateLines), Is.EqualTo((980_000, 10_000)));
    }

    /// <summary>A million-line CSV made as it is read; on its last line it notes how many numbers the store holds by then.</summary>
    private sealed class MixedList(int lines, ICampaignStore store) : TextReader
    {
        private int _line;

        public int StoredWhenLastLineWasRead { get; private set; }

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_line == lines) return null;
            var line = ++_line;
            if (line == lines) StoredWhenLastLineWasRead = await CountAsync(cancellationToken);
            var number = (line - 1) / 100;
            return ((line - 1) % 100) switch
            {
                0 or 1 => "+7903" + number.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
                2 => "+7 903 12",
                _ => "n/a;" + line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        private async Task<int> CountAsync(CancellationToken cancellationToken)
        {
            var count = 0;
            string? after = null;
            while (await store.ListNumbersAsync("c1", after, 5000, cancellationToken) is { Count: > 0 } page)
            {
                count += page.Count;
                after = page[^1];
            }
            return count;
        }
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
