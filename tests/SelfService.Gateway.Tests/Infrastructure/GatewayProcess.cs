using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as its own OS process (the built SelfService.Gateway.dll), so a test can kill it with SIGKILL
/// and start it again on the same database.
/// </summary>
internal sealed partial class GatewayProcess : IDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<GatewayProcess> StartAsync(IDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(GatewayAssembly());
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings) info.ArgumentList.Add($"--{key}={value}");
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            output.Enqueue(e.Data);
            var match = ListeningLine().Match(e.Data);
            if (match.Success) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The gateway exited:\n" + string.Join('\n', output)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The gateway did not start listening:\n" + string.Join('\n', output));
        }
        return new GatewayProcess(process, await listening.Task);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing beyond what the gateway already wrote.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string GatewayAssembly()
    {
        // The test's build output holds SelfService.Gateway.dll with its runtimeconfig, as a project reference.
        var path = Path.Combine(AppContext.BaseDirectory, "SelfService.Gateway.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("Build the gateway first", path);
        return path;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
