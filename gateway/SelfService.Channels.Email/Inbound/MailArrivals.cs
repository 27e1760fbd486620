using MailKit;
using MailKit.Net.Imap;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// Notices when the server reports a change in the folder's message count (RFC 3501 EXISTS), whenever it does: during
/// IDLE, which it then ends, or in answer to another command while the watcher was busy, so that no report is missed.
/// </summary>
internal sealed class MailArrivals : IDisposable
{
    private readonly IMailFolder _folder;
    private CancellationTokenSource? _idleDone;

    public MailArrivals(IMailFolder folder)
    {
        _folder = folder;
        _folder.CountChanged += OnCountChanged;
    }

    /// <summary>A change was reported since <see cref="Reset"/>.</summary>
    public bool Seen { get; private set; }

    public void Reset() => Seen = false;

    /// <summary>IDLE until the server reports a change, or until <paramref name="refresh"/> has passed (then IDLE is renewed).</summary>
    public async Task IdleAsync(ImapClient client, TimeSpan refresh, TimeProvider time, CancellationToken cancellationToken)
    {
        using var done = new CancellationTokenSource(refresh, time);
        _idleDone = done;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            _idleDone = null;
        }
    }

    private void OnCountChanged(object? sender, EventArgs e)
    {
        Seen = true;
        _idleDone?.Cancel();
    }

    public void Dispose() => _folder.CountChanged -= OnCountChanged;
}
