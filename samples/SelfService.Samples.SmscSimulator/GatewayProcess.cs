using System.Diagnostics;

namespace SelfService.Samples.SmscSimulator;

/// <summary>
/// Starts the SelfService gateway (its built dll) bound to this simulator, on a fresh database, so one command measures
/// it; and reads its resident memory, for the "memory stays flat" check.
/// </summary>
internal sealed class GatewayProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private GatewayProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public static GatewayProcess Start(string gatewayDll, int smscPort, string samplesRoot, IEnumerable<string> extraArguments)
    {
        var folder = Directory.CreateTempSubdirectory("selfservice-bench-").FullName;
        // The gateway reads appsettings.json from its working directory: its own output folder.
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(gatewayDll)!,
        };
        info.ArgumentList.Add(gatewayDll);
        foreach (var argument in new[]
        {
            "--urls=http://127.0.0.1:0",
            $"--Storage:DatabaseFile={Path.Combine(folder, "gateway.db")}",
            $"--Samples:Root={samplesRoot}",
            $"--Commands:CatalogueFile={Path.Combine(samplesRoot, "operator", "actions.json")}",
            $"--Commands:MenuFile={Path.Combine(samplesRoot, "operator", "menus.json")}",
            "--Channels:Sms:Enabled=true",
            "--Channels:Sms:Smpp:Host=127.0.0.1",
            $"--Channels:Sms:Smpp:Port={smscPort}",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(extraArguments))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("gateway: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("gateway: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new GatewayProcess(process, folder);
    }

    /// <summary>The CPU time the gateway has used so far (user and system).</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What the gateway's database takes on disk now.</summary>
    public long DatabaseBytes() => Directory.EnumerateFiles(_folder).Sum(f => new FileInfo(f).Length);

    /// <summary>VmRSS from /proc, in MiB; null where /proc is not there.</summary>
    public double? ResidentMemoryMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
