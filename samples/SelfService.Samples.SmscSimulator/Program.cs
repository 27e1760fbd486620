using System.CommandLine;
using System.Globalization;
using SelfService.Samples.SmscSimulator;

// smsc-simulator: an SMSC for benchmarking any ESME (SelfService, Kannel, Jasmin...) on MO→MT round trips.
//   bench  — listen, wait for an ESME to bind (or start the SelfService gateway, or a do-nothing ESME), send N MOs at a
//            set concurrency, time each reply's submit_sm, print round trips/s and p50/p95/p99.
//   serve  — just be an SMSC that accepts binds and submits, for trying a gateway by hand.
var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 2775 };
var messages = new Option<int>("--messages") { Description = "round trips to measure", DefaultValueFactory = _ => 20_000 };
var concurrency = new Option<int>("--concurrency") { Description = "customers waiting for a reply at once", DefaultValueFactory = _ => 10 };
var warmup = new Option<int>("--warmup") { Description = "round trips before measuring", DefaultValueFactory = _ => 2_000 };
var text = new Option<string>("--text") { Description = "what each customer sends", DefaultValueFactory = _ => "BAL" };
var shortCode = new Option<string>("--short-code") { Description = "the number customers write to", DefaultValueFactory = _ => "1212" };
var senderPrefix = new Option<string>("--sender-prefix") { Description = "customers' numbers: this prefix and 7 digits", DefaultValueFactory = _ => "7900" };
var timeout = new Option<double>("--reply-timeout") { Description = "seconds to wait for a reply", DefaultValueFactory = _ => 30 };
var gateway = new Option<string?>("--gateway") { Description = "path to SelfService.Gateway.dll: start it on a fresh database, bound to this simulator" };
var samples = new Option<string>("--samples") { Description = "the samples/ folder, for --gateway", DefaultValueFactory = _ => "samples" };
var echo = new Option<bool>("--echo-esme") { Description = "bind a do-nothing ESME instead: measures the simulator's own ceiling" };
var gatewayArguments = new Option<string[]>("--gateway-arg")
{
    Description = "a setting for the started gateway, e.g. --gateway-arg=--Pipeline:Workers=8 (repeatable)", AllowMultipleArgumentsPerToken = false,
};
var repeat = new Option<int>("--repeat") { Description = "measure this many times (memory is printed after each)", DefaultValueFactory = _ => 1 };

var bench = new Command("bench", "Measure MO→MT round trips through an ESME.")
{
    port, messages, concurrency, warmup, text, shortCode, senderPrefix, timeout, gateway, gatewayArguments, samples, echo, repeat,
};
bench.SetAction(async (parse, cancellationToken) =>
{
    var settings = new BenchmarkSettings(parse.GetValue(port), parse.GetValue(messages), parse.GetValue(concurrency), parse.GetValue(warmup),
        parse.GetValue(text)!, parse.GetValue(shortCode)!, parse.GetValue(senderPrefix)!, TimeSpan.FromSeconds(parse.GetValue(timeout)));
    var benchmark = new RoundTripBenchmark(settings, Console.Out);
    await using var server = benchmark.StartServer();
    GatewayProcess? launched = null;
    EchoEsme? echoEsme = null;
    try
    {
        if (parse.GetValue(gateway) is { } dll)
            launched = GatewayProcess.Start(Path.GetFullPath(dll), server.Port, Path.GetFullPath(parse.GetValue(samples)!), parse.GetValue(gatewayArguments) ?? []);
        else if (parse.GetValue(echo))
        {
            echoEsme = new EchoEsme(server.Port, Math.Max(10, settings.Concurrency));
            await echoEsme.StartAsync(cancellationToken);
        }
        await benchmark.WaitForBindAsync(server, TimeSpan.FromSeconds(120), cancellationToken);
        for (var run = 1; run <= parse.GetValue(repeat); run++)
        {
            TimeSpan? cpuBefore = null;
            long? bytesBefore = null;
            var result = await benchmark.RunAsync(server, cancellationToken, () =>
            {
                cpuBefore = launched?.CpuTime();
                bytesBefore = launched?.DatabaseBytes();
            });
            result.Print(Console.Out, settings.Concurrency);
            if (launched?.ResidentMemoryMiB() is { } rss)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gateway resident memory after run {run}: {rss:F0} MiB"));
            if (launched?.CpuTime() is { } cpu && cpuBefore is { } before && result.LatenciesMs.Count > 0)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gateway CPU over the measured round trips: {(cpu - before).TotalMilliseconds / result.LatenciesMs.Count:F3} ms per round trip"));
            if (launched?.DatabaseBytes() is { } bytes && bytesBefore is { } start && result.LatenciesMs.Count > 0)
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gateway database: {bytes / 1048576.0:F1} MiB, grew {(bytes - start) / (double)result.LatenciesMs.Count:F0} bytes per round trip"));
        }
        return 0;
    }
    finally
    {
        if (echoEsme is not null) await echoEsme.DisposeAsync();
        launched?.Dispose();
    }
});

var serve = new Command("serve", "Be an SMSC: accept binds and submits until stopped.") { port };
serve.SetAction(async (parse, cancellationToken) =>
{
    var benchmark = new RoundTripBenchmark(new BenchmarkSettings(parse.GetValue(port), 0, 1, 0, "", "", "", TimeSpan.FromSeconds(30)), Console.Out);
    await using var server = benchmark.StartServer();
    await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    return 0;
});

var root = new RootCommand("An SMPP 3.4 SMSC simulator and MO→MT round-trip benchmark.") { bench, serve };
return await root.Parse(args).InvokeAsync();
