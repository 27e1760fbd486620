using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway as its own OS process (the built SelfService.Gateway.dll), so a test can kill it with SIGKILL
/// and start it again on the same database. Each start brings an admin (Staff:BootstrapAdmin) for the staff APIs.
/// </summary>
internal sealed partial class GatewayProcess : IDisposable
{
    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private GatewayProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    private const string AdminName = "process-admin";

    // Not a default: each test database gets its admin from these settings on its first start, as an operator's would.
    private const string AdminPassword = "kill-test-admin-password";

    /// <summary>A client signed in as the bootstrap admin with an API token traded for the password.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = Address };
        using var response = await client.PostAsJsonAsync("/api/staff/token", new { userName = AdminName, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<GatewayProcess> StartAsync(IDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(GatewayAssembly());
        info.ArgumentList.Add("--urls=http://127.0.0.1:0");
        info.ArgumentList.Add($"--Staff:BootstrapAdmin:UserName={AdminName}");
        info.ArgumentList.Add($"--Staff:BootstrapAdmin:Password={AdminPassword}");
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
        return new GatewayProcess(process, await listening.Task, output);
    }

    /// <summary>What the process printed so far (its log), for a test that looks for a line or prints it on failure.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>GET /health: the instance's id, the leases it holds, its channels.</summary>
    public async Task<JsonElement> HealthAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Whether /health lists <paramref name="lease"/> among the leases this instance holds.</summary>
    public async Task<bool> HoldsAsync(string lease) =>
        (await HealthAsync()).GetProperty("leases").EnumerateArray().Any(l => l.GetProperty("name").GetString() == lease);

    /// <summary>SIGSTOP: the process is frozen as a long GC pause or a stalled VM would freeze it, sockets left open.</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() => Signal("CONT");

    private void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit(10_000);
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {_process.Id} failed");
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

    /// <summary>Runs <c>SelfService.Gateway.dll staff ...</c> on a database; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunStaffCommandAsync(string databaseFile, string? stdin, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(GatewayAssembly());
        info.ArgumentList.Add("staff");
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Storage__DatabaseFile"] = databaseFile;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        if (stdin is not null) await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
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
