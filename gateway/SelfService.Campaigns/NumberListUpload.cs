using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Storage.Campaigns;

namespace SelfService.Campaigns;

/// <summary>
/// Reads a list of numbers staff uploaded (CSV: the number is the first field; a header line and blank lines are allowed)
/// line by line, and stores them in batches: a million lines never sit in memory. Lines that are no phone number are
/// refused and counted; numbers listed twice are counted as duplicates.
/// </summary>
public sealed class NumberListUpload(ICampaignStore campaigns, MsisdnNormalizer numbers, IOptions<CampaignOptions> options)
{
    private const int Batch = 2000;

    public async Task<ListUploadResult> ReadAsync(string campaignId, TextReader reader, CancellationToken cancellationToken)
    {
        int lines = 0, refused = 0, added = 0, listed = 0;
        var batch = new List<string>(Batch);
        var firstRefused = new List<int>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines++;
            var field = line.Split(',', ';', '\t')[0].Trim().Trim('"');
            if (field.Length == 0) continue;
            if (!numbers.TryNormalize(field, out var e164))
            {
                // A header ("msisdn", "phone") is a refused line like any other: it is counted, never guessed at.
                refused++;
                if (firstRefused.Count < 10) firstRefused.Add(lines);
                continue;
            }
            batch.Add(e164);
            if (batch.Count == Batch) (added, listed) = (added + await FlushAsync(campaignId, batch, cancellationToken), listed + Batch);
        }
        listed += batch.Count;
        added += await FlushAsync(campaignId, batch, cancellationToken);
        var duplicates = listed - added;
        await campaigns.ChangeAsync(campaignId, c =>
        {
            c.RefusedLines += refused;
            c.DuplicateLines += duplicates;
            return true;
        }, cancellationToken);
        return new ListUploadResult(lines, added, refused, duplicates, firstRefused);
    }

    private async Task<int> FlushAsync(string campaignId, List<string> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return 0;
        var added = await campaigns.AddListNumbersAsync(campaignId, batch, cancellationToken);
        batch.Clear();
        return added;
    }

    public long MaxBytes => options.Value.MaxListBytes;
}

/// <summary>What an upload did: lines read, numbers new to the list, lines refused (with the first few line numbers) and duplicates.</summary>
public sealed record ListUploadResult(int Lines, int Added, int Refused, int Duplicates, IReadOnlyList<int> FirstRefusedLines);
