using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SelfService.Testing.Peers.DirectLine;

/// <summary>
/// Runs a scenario of tests/peers/directline (botframework-directlinejs 0.15.8 on Node, with `ws` as its WebSocket and
/// fetch behind its ajax hook) against a gateway on loopback, and returns the JSON events it printed.
/// </summary>
public static class DirectLineJsRun
{
    public static string ScriptsDirectory => Path.Combine(RepositoryPaths.Root, "tests", "peers", "directline");

    /// <summary>
    /// Runs <paramref name="script"/> with the secret in DIRECTLINE_SECRET and a staff API token (to read one-time codes
    /// from the outbox) in SELFSERVICE_STAFF_TOKEN, never on the command line, and waits for it to exit; throws with its
    /// output when it fails or overruns <paramref name="timeout"/>.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(
        string script, string secret, string staffToken, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var peers = Path.Combine(RepositoryPaths.Root, "tests", "peers");
        if (!Directory.Exists(Path.Combine(peers, "node_modules", "botframework-directlinejs")))
            throw new InvalidOperationException($"botframework-directlinejs is not installed in {peers}: run tests/install-peers.");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = peers, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(ScriptsDirectory, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DIRECTLINE_SECRET"] = secret;
        start.Environment["SELFSERVICE_STAFF_TOKEN"] = staffToken;

        Process process;
        try { process = Process.Start(start) ?? throw new InvalidOperationException("node did not start"); }
        catch (Win32Exception e) { throw new InvalidOperationException("Node 18 or later must be on PATH for the Direct Line peer: " + e.Message, e); }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(timeout);
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{script} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
            }
            var output = await stdout;
            if (process.ExitCode != 0) throw new InvalidOperationException($"{script} exited with {process.ExitCode}:\n{output}\n{await stderr}");
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
        }
    }
}
