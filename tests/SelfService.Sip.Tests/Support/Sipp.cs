using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SelfService.Sip.Tests.Support;

/// <summary>
/// Runs SIPp (Debian's sip-tester, installed by tests/install-peers) against a user agent on loopback, with one of our
/// scenarios from Peers/, on ports chosen at run time. Its exit code is the verdict: 0 when every call went as scripted.
/// </summary>
internal static class Sipp
{
    public const string Executable = "/usr/bin/sipp";

    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(IPEndPoint target, string scenario, string service, int calls = 1, int concurrent = 1, int rate = 10, params string[] extra)
    {
        if (!File.Exists(Executable)) throw new InvalidOperationException("SIPp is not installed: run tests/install-peers (Debian package sip-tester).");
        var directory = Directory.CreateTempSubdirectory("selfservice-sipp-");
        try
        {
            var info = new ProcessStartInfo(Executable)
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var argument in new[]
            {
                $"{target.Address}:{target.Port}", "-sf", Path.Combine(TestContext.CurrentContext.TestDirectory, "Peers", scenario),
                "-s", service, "-i", "127.0.0.1", "-p", FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-mi", "127.0.0.1", "-mp", FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-m", calls.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-l", concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-timeout", "30s", "-timeout_error", "-nostdin", "-trace_err", "-error_file", Path.Combine(directory.FullName, "errors.log"),
            }.Concat(extra))
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
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
            directory.Delete(recursive: true);
        }
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    /// <summary>A UDP port free right now (bound, read back, released): SIPp needs a number, not port 0.</summary>
    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
