using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SelfService.Testing.Peers;

/// <summary>
/// Runs SIPp (Debian's sip-tester, installed by tests/install-peers) against a user agent on loopback, with a scenario of
/// the calling test project (a full path: each project keeps its own beside its tests), on ports chosen at run time. Its
/// exit code is the verdict: 0 when every call went as scripted. Used by the SIP library's tests and the gateway's.
/// </summary>
public static partial class Sipp
{
    public const string Executable = "/usr/bin/sipp";

    /// <summary>SIPp's exit code (0: every call as scripted), the tail of its screen, and the messages it found unexpected.</summary>
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        /// <summary>The most calls SIPp had going at once, from its last screen ("Peak was 20 calls"); null when the screen has none.</summary>
        public int? PeakCalls => PeakLine().Match(Output) is { Success: true } peak ? int.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Peak was (\d+) calls")]
    private static partial Regex PeakLine();

    /// <summary>
    /// Places <paramref name="calls"/> calls of <paramref name="scenario"/> to <paramref name="service"/> (the dialled number)
    /// at <paramref name="target"/>, at most <paramref name="concurrent"/> at once, <paramref name="rate"/> new calls a second.
    /// </summary>
    public static Task<Result> RunAsync(IPEndPoint target, string scenario, string service, int calls = 1, int concurrent = 1, int rate = 10) =>
        Start(
            $"{target.Address}:{target.Port}", "-sf", Existing(scenario), "-s", service,
            "-p", Number(FreeUdpPort()), "-m", Number(calls), "-l", Number(concurrent), "-r", Number(rate)).WaitAsync();

    /// <summary>SIPp as a phone (a scenario like Peers/callee.xml, SIPp's uas) on a free port: answers one call; <see cref="Running.WaitAsync"/> for its verdict.</summary>
    /// <param name="port">The port to answer on, when the caller had to be told it before (<see cref="FreeUdpPort"/>); else a free one.</param>
    public static (Running Process, int Port) StartAnswering(string scenario, int? port = null)
    {
        var listening = port ?? FreeUdpPort();
        return (Start("-sf", Existing(scenario), "-p", Number(listening), "-m", "1"), listening);
    }

    private static string Existing(string scenario) =>
        Path.IsPathFullyQualified(scenario) && File.Exists(scenario) ? scenario : throw new FileNotFoundException("no SIPp scenario at this full path", scenario);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Running Start(params string[] arguments)
    {
        if (!File.Exists(Executable)) throw new InvalidOperationException("SIPp is not installed: run tests/install-peers (Debian package sip-tester).");
        var directory = Directory.CreateTempSubdirectory("selfservice-sipp-");
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = directory.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments.Concat(
        [
            "-i", "127.0.0.1", "-mi", "127.0.0.1", "-mp", Number(FreeUdpPort()),
            "-timeout", "30s", "-timeout_error", "-nostdin", "-trace_err", "-error_file", Path.Combine(directory.FullName, "errors.log"),
        ]))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.StandardInput.Close();
        return new Running(process, directory);
    }

    /// <summary>A SIPp process; <see cref="WaitAsync"/> collects its verdict and cleans up.</summary>
    public sealed class Running(Process process, DirectoryInfo directory)
    {
        private readonly Task<string> output = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> error = process.StandardError.ReadToEndAsync();

        public async Task<Result> WaitAsync()
        {
            try
            {
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("sipp did not finish: " + Tail(await output));
                }
                var errorsFile = Path.Combine(directory.FullName, "errors.log");
                var errors = (await error) + (File.Exists(errorsFile) ? await File.ReadAllTextAsync(errorsFile) : "");
                return new Result(process.ExitCode, Tail(await output), errors);
            }
            finally
            {
                process.Dispose();
                directory.Delete(recursive: true);
            }
        }
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    /// <summary>A UDP port free right now (bound, read back, released): SIPp needs a number, not port 0.</summary>
    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
