using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SelfService.Testing.Peers.Mail;

/// <summary>
/// A real mail server on 127.0.0.1 for one test: Dovecot (IMAP with IDLE, LMTP delivery, and the SASL service) and
/// Postfix (SMTP with AUTH through Dovecot, delivering the test domains over LMTP), each a private instance with its
/// configuration, queue and mailboxes in a temporary folder and its ports chosen at run time. Both are stopped with
/// SIGTERM on dispose. Needs root and the Debian packages dovecot-core, dovecot-imapd, dovecot-lmtpd and postfix
/// (tests/install-peers).
/// </summary>
public sealed class MailPeers : IAsyncDisposable
{
    private const string PostfixMaster = "/usr/lib/postfix/sbin/master";
    private readonly TemporaryFolder _folder;
    private readonly List<Process> _processes = [];

    private MailPeers(TemporaryFolder folder, IReadOnlyList<MailAccount> accounts)
    {
        _folder = folder;
        Accounts = accounts;
    }

    public string Host => "127.0.0.1";
    public int ImapPort { get; private set; }
    public int SmtpPort { get; private set; }
    public int LmtpPort { get; private set; }
    public int AuthPort { get; private set; }
    public IReadOnlyList<MailAccount> Accounts { get; }

    /// <summary>Dovecot's log so far, for a failing test's message.</summary>
    public string DovecotLog => ReadLog("dovecot.log");

    /// <summary>Postfix's log so far: each SMTP session and delivery.</summary>
    public string PostfixLog => ReadLog("postfix.log");

    public MailAccount Account(string address) => Accounts.Single(a => a.Address == address);

    public static async Task<MailPeers> StartAsync(MailPeersOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists("/usr/sbin/dovecot") || !File.Exists(PostfixMaster))
            throw new InvalidOperationException("Dovecot or Postfix is not installed: run tests/install-peers.");
        var peers = new MailPeers(new TemporaryFolder(), [.. options.Accounts]);
        try
        {
            await peers.StartCoreAsync(options, cancellationToken);
            return peers;
        }
        catch
        {
            await peers.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(MailPeersOptions options, CancellationToken cancellationToken)
    {
        var ports = FreePorts(4);
        (ImapPort, SmtpPort, LmtpPort, AuthPort) = (ports[0], ports[1], ports[2], ports[3]);
        var root = _folder.Path;
        // Dovecot's mail processes run as nobody (65534) and Postfix's as postfix: they must reach into the folder.
        await RunAsync("chmod", ["755", root], cancellationToken);
        foreach (var dir in new[] { "run", "state", "mail", "postfix/queue", "postfix/data" }) Directory.CreateDirectory(Path.Combine(root, dir));
        await RunAsync("chown", ["65534:65534", Path.Combine(root, "mail")], cancellationToken);
        await RunAsync("chown", ["postfix", Path.Combine(root, "postfix/data")], cancellationToken);

        await File.WriteAllTextAsync(Path.Combine(root, "users"),
            string.Concat(Accounts.Select(a => $"{a.Address}:{{PLAIN}}{a.Password}::::::\n")), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot.conf"), DovecotConfig(root, options.Idle), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/main.cf"), PostfixMainConfig(root, options.BusyRecipients), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(root, "postfix/master.cf"), PostfixMasterConfig(), cancellationToken);

        await StartDovecotAsync(options.StartTimeout, cancellationToken);

        var postfixDir = Path.Combine(root, "postfix");
        await RunAsync("/usr/sbin/postfix", ["-c", postfixDir, "check"], cancellationToken);
        Start(PostfixMaster, "-d", "-c", postfixDir);
        await WaitListeningAsync([SmtpPort], "Postfix", options.StartTimeout, cancellationToken);
    }

    /// <summary>
    /// Stops Dovecot (SIGTERM) and starts it again on the same ports and mailboxes: every IMAP client is disconnected,
    /// as when the mail server restarts. Postfix stays up and queues what comes meanwhile.
    /// </summary>
    public async Task RestartDovecotAsync(CancellationToken cancellationToken = default)
    {
        var dovecot = _processes[0];
        await StopAsync(dovecot);
        _processes.Remove(dovecot);
        await StartDovecotAsync(TimeSpan.FromSeconds(20), cancellationToken);
        // Dovecot first in the list, as at start, so dispose still stops Postfix before it.
        _processes.Insert(0, _processes[^1]);
        _processes.RemoveAt(_processes.Count - 1);
    }

    private async Task StartDovecotAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Start("/usr/sbin/dovecot", "-F", "-c", _folder.File("dovecot.conf"));
        await WaitListeningAsync([ImapPort, LmtpPort, AuthPort], "Dovecot", timeout, cancellationToken);
    }

    private string DovecotConfig(string root, bool idle) => $$"""
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        instance_name = selfservice-{{Path.GetFileName(root)}}
        listen = 127.0.0.1
        protocols = imap lmtp
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        auth_failure_delay = 0
        log_path = {{root}}/dovecot.log
        mail_location = maildir:~/Maildir
        {{(idle ? "" : "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS MOVE NAMESPACE CHILDREN")}}
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%Lu {{root}}/users
        }
        userdb {
          driver = static
          args = uid=65534 gid=65534 home={{root}}/mail/%Lu allow_all_users=yes
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{ImapPort}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service lmtp {
          inet_listener lmtp {
            address = 127.0.0.1
            port = {{LmtpPort}}
          }
        }
        service auth {
          inet_listener auth {
            address = 127.0.0.1
            port = {{AuthPort}}
          }
        }
        """;

    private string PostfixMainConfig(string root, IEnumerable<string> busyRecipients)
    {
        var mailboxes = string.Join(", ", Accounts.Select(a => a.Address + "=ok"));
        var busy = string.Join(", ", busyRecipients.Select(r => $"{{{r} = 451 4.3.0 Mailbox busy, try again later}}"));
        var domains = string.Join(' ', Accounts.Select(a => a.Domain).Distinct());
        return $$"""
            compatibility_level = 3.6
            queue_directory = {{root}}/postfix/queue
            data_directory = {{root}}/postfix/data
            maillog_file_prefixes = {{root}}
            maillog_file = {{root}}/postfix.log
            myhostname = mail.gateway.test
            mydomain = gateway.test
            myorigin = gateway.test
            mydestination =
            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            alias_maps =
            alias_database =
            local_recipient_maps =
            relayhost =
            default_transport = error:mail outside the test domains is off
            relay_transport = error:mail outside the test domains is off
            virtual_mailbox_domains = {{domains}}
            virtual_mailbox_maps = inline:{ {{mailboxes}} }
            virtual_transport = lmtp:inet:127.0.0.1:{{LmtpPort}}
            smtpd_sasl_auth_enable = yes
            smtpd_sasl_type = dovecot
            smtpd_sasl_path = inet:127.0.0.1:{{AuthPort}}
            smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
            smtpd_recipient_restrictions = {{(busy.Length > 0 ? $"check_recipient_access inline:{{ {busy} }}, " : "")}}permit
            message_size_limit = 52428800
            smtputf8_enable = no
            biff = no
            """;
    }

    /// <summary>The SMTP server on its port, and the daemons delivery needs; none chrooted (chroot n), so the config dir is all they need.</summary>
    private string PostfixMasterConfig() => $"""
        127.0.0.1:{SmtpPort} inet n - n - - smtpd
        pickup    unix  n - n 60 1 pickup
        cleanup   unix  n - n - 0 cleanup
        qmgr      unix  n - n 300 1 qmgr
        rewrite   unix  - - n - - trivial-rewrite
        bounce    unix  - - n - 0 bounce
        defer     unix  - - n - 0 bounce
        trace     unix  - - n - 0 bounce
        verify    unix  - - n - 1 verify
        flush     unix  n - n 1000? 0 flush
        proxymap  unix  - - n - - proxymap
        smtp      unix  - - n - - smtp
        relay     unix  - - n - - smtp
        showq     unix  n - n - - showq
        error     unix  - - n - - error
        retry     unix  - - n - - error
        discard   unix  - - n - - discard
        lmtp      unix  - - n - - lmtp
        anvil     unix  - - n - 1 anvil
        scache    unix  - - n - 1 scache
        postlog   unix-dgram n - n - 1 postlogd

        """;

    private void Start(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException(executable + " did not start");
        // Drained so a chatty daemon never blocks on a full pipe; the logs that matter are in the folder.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
    }

    private async Task WaitListeningAsync(int[] ports, string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (true)
            {
                if (_processes[^1].HasExited)
                    throw new InvalidOperationException($"{name} exited at start:\n{DovecotLog}\n{PostfixLog}");
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50, cancellationToken);
                }
                catch (SocketException e)
                {
                    throw new TimeoutException($"{name} did not listen on {port} within {timeout}:\n{DovecotLog}\n{PostfixLog}", e);
                }
            }
        }
    }

    private static async Task RunAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException(executable + " did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
    }

    /// <summary>Ports the kernel has just handed out on loopback; free again once the probes close.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }

    private string ReadLog(string name)
    {
        var path = _folder.File(name);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Postfix first, so nothing is delivered into a Dovecot that is going away.
        for (var i = _processes.Count - 1; i >= 0; i--) await StopAsync(_processes[i]);
        _processes.Clear();
        _folder.Dispose();
    }

    /// <summary>SIGTERM, which both stop their children on; SIGKILL to the tree if that takes more than 10 seconds.</summary>
    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            try
            {
                await RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }
}
