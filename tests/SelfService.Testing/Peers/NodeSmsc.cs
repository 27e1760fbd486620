using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SelfService.Testing.Peers;

/// <summary>
/// An SMSC on 127.0.0.1 written with the npm package <c>smpp</c> (tests/peers/smsc.js), independent of the
/// gateway's SMPP library. The test commands it (deliver, receipt, throttle, drop...) and reads what it saw as
/// JSON events (bind, submit_sm, deliver_sm_resp...); tests/peers/README.md lists them all.
/// </summary>
public sealed class NodeSmsc : IAsyncDisposable
{
    private const int StandardErrorLimit = 64 * 1024;

    private readonly Process _process;
    private readonly NodeSmscOptions _options;
    private readonly object _gate = new();
    private readonly List<JsonElement> _events = [];
    private readonly StringBuilder _standardError = new();
    private readonly SemaphoreSlim _stdin = new(1, 1);
    private TaskCompletionSource _changed = NewSignal();
    private volatile bool _outputEnded;
    private Task _stdoutPump = Task.CompletedTask;
    private Task _stderrPump = Task.CompletedTask;
    private int _nextCommand;
    private int _disposed;

    private NodeSmsc(Process process, NodeSmscOptions options)
    {
        _process = process;
        _options = options;
    }

    /// <summary>Where the peer lives: tests/peers under the checkout.</summary>
    public static string PeersDirectory => Path.Combine(RepositoryPaths.Root, "tests", "peers");

    public string Host => "127.0.0.1";

    /// <summary>The port the peer listens on, chosen at run time unless <see cref="NodeSmscOptions.Port"/> was set.</summary>
    public int Port { get; private set; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What node wrote to stderr so far (the last 64 KB).</summary>
    public string StandardError
    {
        get { lock (_standardError) return _standardError.ToString(); }
    }

    /// <summary>Starts node tests/peers/smsc.js and waits until it listens.</summary>
    public static async Task<NodeSmsc> StartAsync(NodeSmscOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NodeSmscOptions();
        var script = Path.Combine(PeersDirectory, "smsc.js");
        if (!Directory.Exists(Path.Combine(PeersDirectory, "node_modules", "smpp")))
            throw new NodeSmscException($"The npm package smpp is not installed in {PeersDirectory}: run tests/install-peers.");

        var start = new ProcessStartInfo(options.NodeExecutable)
        {
            WorkingDirectory = PeersDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // No byte-order mark: node would read it as part of the first JSON line.
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(options.Port.ToString(CultureInfo.InvariantCulture));
        AddOption(start, "--system-id", options.SystemId);
        AddOption(start, "--password", options.Password);
        AddOption(start, "--first-message-id", options.FirstMessageId);
        if (options.GsmPacked) start.ArgumentList.Add("--gsm-packed");
        if (!options.RedeliverUnacked) start.ArgumentList.Add("--no-redeliver");

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new NodeSmscException($"'{options.NodeExecutable}' did not start.");
        }
        catch (Win32Exception e)
        {
            throw new NodeSmscException(
                $"Could not run '{options.NodeExecutable}' for the SMSC peer ({e.Message}). Node 18 or later must be on PATH.", e);
        }

        var smsc = new NodeSmsc(process, options);
        smsc._stdoutPump = Task.Run(smsc.PumpStandardOutputAsync, CancellationToken.None);
        smsc._stderrPump = Task.Run(smsc.PumpStandardErrorAsync, CancellationToken.None);
        try
        {
            var listening = await smsc.WaitForCoreAsync(e => e.EventName() == "listening", 1, "'listening'",
                options.StartTimeout, cancellationToken);
            smsc.Port = (int)(listening[0].NumberOf("port") ?? throw new NodeSmscException("'listening' without a port."));
            return smsc;
        }
        catch
        {
            await smsc.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> AllEvents()
    {
        lock (_gate) return [.. _events];
    }

    /// <summary>The events with this name so far, oldest first.</summary>
    public IReadOnlyList<JsonElement> Events(string name)
    {
        lock (_gate) return _events.Where(e => e.EventName() == name).ToList();
    }

    /// <summary>
    /// The first event with this name that matches, whether it came before the call or comes within the timeout.
    /// Searching the whole history makes the wait free of races; tell events apart with <paramref name="match"/>.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string eventName, Func<JsonElement, bool>? match = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var found = await WaitForCountAsync(eventName, 1, match, timeout, cancellationToken);
        return found[0];
    }

    /// <summary>The first <paramref name="count"/> matching events with this name, waiting for them if needed.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForCountAsync(string eventName, int count, Func<JsonElement, bool>? match = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForCoreAsync(e => e.EventName() == eventName && (match is null || match(e)), count,
            count == 1 ? $"'{eventName}'" : $"{count} '{eventName}'", timeout ?? _options.EventTimeout, cancellationToken);

    /// <summary>All events from the first one, then each new one as it comes, until cancelled or the peer exits.</summary>
    public async IAsyncEnumerable<JsonElement> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var index = 0; ; )
        {
            JsonElement[] batch;
            Task changed;
            lock (_gate)
            {
                batch = _events.Skip(index).ToArray();
                changed = _changed.Task;
                if (batch.Length == 0 && _outputEnded) yield break;
            }
            index += batch.Length;
            foreach (var e in batch) yield return e;
            if (batch.Length == 0) await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Sends a command (tests/peers/README.md) and waits for the peer's <c>ok</c>, which it returns.
    /// Throws <see cref="NodeSmscException"/> when the peer answers <c>error</c>.
    /// </summary>
    public async Task<JsonElement> SendCommandAsync(string command, JsonObject? arguments = null, CancellationToken cancellationToken = default)
    {
        arguments = arguments is null ? [] : (JsonObject)arguments.DeepClone();
        arguments["command"] = command;
        var id = arguments["id"]?.GetValue<string>();
        if (id is null) arguments["id"] = id = NewCommandId();

        await WriteLineAsync(arguments.ToJsonString(), cancellationToken);
        var answer = (await WaitForCoreAsync(
            e => (e.EventName() is "ok" or "error") && e.StringOf("id") == id, 1,
            $"the answer to '{command}' (id {id})", _options.EventTimeout, cancellationToken))[0];
        if (answer.EventName() == "error")
            throw new NodeSmscException($"The SMSC peer refused '{command}': {answer.StringOf("message")}");
        return answer;
    }

    /// <summary>Sends a message to the bound ESME as deliver_sm (one per part); returns the id its events carry.</summary>
    public async Task<string> DeliverAsync(SmscDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var id = delivery.Id ?? NewCommandId();
        var arguments = new JsonObject
        {
            ["id"] = id,
            ["source"] = delivery.Source,
            ["destination"] = delivery.Destination,
            ["text"] = delivery.Text,
            ["encoding"] = EncodingName(delivery.Encoding),
        };
        SetIfNotNull(arguments, "data_coding", delivery.DataCoding);
        SetIfNotNull(arguments, "esm_class", delivery.EsmClass);
        SetIfNotNull(arguments, "service_type", delivery.ServiceType);
        SetIfNotNull(arguments, "registered_delivery", delivery.RegisteredDelivery);
        SetIfNotNull(arguments, "to_session", delivery.ToSession);
        if (delivery.Tlvs is not null) arguments["tlvs"] = TlvsToJson(delivery.Tlvs);
        if (delivery.Concatenation is { } concat)
        {
            var c = new JsonObject
            {
                ["mode"] = concat.Mode switch
                {
                    SmscConcatenationMode.Udh8 => "udh8",
                    SmscConcatenationMode.Udh16 => "udh16",
                    _ => "sar",
                },
            };
            SetIfNotNull(c, "ref", concat.Reference);
            SetIfNotNull(c, "parts", concat.Parts);
            if (concat.SkipParts is not null) c["skipParts"] = new JsonArray([.. concat.SkipParts.Select(i => (JsonNode)i)]);
            arguments["concat"] = c;
        }
        await SendCommandAsync("deliver", arguments, cancellationToken);
        return id;
    }

    /// <summary>Sends a text message (one deliver_sm) to the bound ESME; returns the id its events carry.</summary>
    public Task<string> DeliverAsync(string source, string destination, string text,
        SmscTextEncoding encoding = SmscTextEncoding.Gsm, CancellationToken cancellationToken = default) =>
        DeliverAsync(new SmscDelivery(source, destination, text) { Encoding = encoding }, cancellationToken);

    /// <summary>Sends a delivery receipt for a message the peer accepted; returns the id its events carry.</summary>
    public async Task<string> ReceiptAsync(SmscReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var id = receipt.Id ?? NewCommandId();
        var arguments = new JsonObject
        {
            ["id"] = id,
            ["message_id"] = receipt.MessageId,
            ["stat"] = receipt.Stat,
            ["format"] = receipt.Format switch
            {
                SmscReceiptFormat.Text => "text",
                SmscReceiptFormat.Tlv => "tlv",
                _ => "both",
            },
            ["id_format"] = receipt.IdFormat switch
            {
                SmscReceiptIdFormat.AsIs => "as-is",
                SmscReceiptIdFormat.Decimal => "decimal",
                SmscReceiptIdFormat.DecimalPadded => "decimal-padded",
                _ => "lowercase",
            },
        };
        SetIfNotNull(arguments, "source", receipt.Source);
        SetIfNotNull(arguments, "destination", receipt.Destination);
        SetIfNotNull(arguments, "err", receipt.Error);
        SetIfNotNull(arguments, "text", receipt.Text);
        SetIfNotNull(arguments, "to_session", receipt.ToSession);
        await SendCommandAsync("receipt", arguments, cancellationToken);
        return id;
    }

    /// <summary>Sends a USSD deliver_sm to the bound ESME; returns the id its events carry.</summary>
    public async Task<string> UssdAsync(SmscUssd ussd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ussd);
        var id = ussd.Id ?? NewCommandId();
        var arguments = new JsonObject
        {
            ["id"] = id,
            ["source"] = ussd.Source,
            ["destination"] = ussd.Destination,
            ["text"] = ussd.Text,
            ["op"] = ussd.Operation,
            ["encoding"] = EncodingName(ussd.Encoding),
        };
        SetIfNotNull(arguments, "session", ussd.SessionInfoHex);
        SetIfNotNull(arguments, "service_type", ussd.ServiceType);
        SetIfNotNull(arguments, "data_coding", ussd.DataCoding);
        SetIfNotNull(arguments, "to_session", ussd.ToSession);
        if (ussd.Tlvs is not null) arguments["tlvs"] = TlvsToJson(ussd.Tlvs);
        await SendCommandAsync("ussd", arguments, cancellationToken);
        return id;
    }

    /// <summary>The next <paramref name="count"/> submit_sm are answered ESME_RTHROTTLED (0x58).</summary>
    public Task ThrottleAsync(int count, CancellationToken cancellationToken = default) =>
        SendCommandAsync("throttle", new JsonObject { ["count"] = count }, cancellationToken);

    /// <summary>The next <paramref name="count"/> submit_sm are answered ESME_RMSGQFUL (0x14).</summary>
    public Task QueueFullAsync(int count, CancellationToken cancellationToken = default) =>
        SendCommandAsync("queue_full", new JsonObject { ["count"] = count }, cancellationToken);

    /// <summary>Every submit_sm from now on is answered after this delay (zero: at once).</summary>
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        SendCommandAsync("delay", new JsonObject { ["ms"] = (long)delay.TotalMilliseconds }, cancellationToken);

    /// <summary>Destroys every connection at once, as a crashed or unplugged SMSC would; the peer keeps listening.</summary>
    public Task DropAsync(CancellationToken cancellationToken = default) =>
        SendCommandAsync("drop", null, cancellationToken);

    /// <summary>Drops every connection when the <paramref name="count"/>-th next submit_sm arrives, leaving it unanswered.</summary>
    public Task DropAfterSubmitsAsync(int count, CancellationToken cancellationToken = default) =>
        SendCommandAsync("drop", new JsonObject { ["after_submits"] = count }, cancellationToken);

    /// <summary>Sends now the deliver_sm left unacknowledged by dropped sessions; optionally turns redelivery on or off.</summary>
    public Task RedeliverUnackedAsync(bool? enabled = null, CancellationToken cancellationToken = default)
    {
        var arguments = new JsonObject();
        SetIfNotNull(arguments, "enabled", enabled);
        return SendCommandAsync("redeliver_unacked", arguments, cancellationToken);
    }

    /// <summary>Sends enquire_link to the bound session(s) and returns the first enquire_link_resp event.</summary>
    public async Task<JsonElement> EnquireLinkAsync(CancellationToken cancellationToken = default)
    {
        var ok = await SendCommandAsync("enquire_link", null, cancellationToken);
        var id = ok.StringOf("id");
        return await WaitForAsync("enquire_link_resp", e => e.StringOf("id") == id, null, cancellationToken);
    }

    /// <summary>The peer's counters: binds, submits, throttled, queue_full, deliveries, deliver_sm_resps, redelivered...</summary>
    public Task<JsonElement> StatsAsync(CancellationToken cancellationToken = default) =>
        SendCommandAsync("stats", null, cancellationToken);

    /// <summary>Stops reporting these events (e.g. submit_sm during a benchmark); the counters still count.</summary>
    public Task MuteAsync(IEnumerable<string> events, CancellationToken cancellationToken = default) =>
        SendCommandAsync("mute", new JsonObject { ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]) }, cancellationToken);

    /// <summary>Quits the peer, killing it if it does not go within two seconds. Never leaves node running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    await WriteLineAsync("{\"command\":\"quit\"}", CancellationToken.None);
                    _process.StandardInput.Close();
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
                catch (NodeSmscException) { }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try { await _process.WaitForExitAsync(grace.Token); }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
            await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException) { }
        catch (InvalidOperationException) { }
        finally
        {
            _process.Dispose();
            _stdin.Dispose();
        }
    }

    private async Task<IReadOnlyList<JsonElement>> WaitForCoreAsync(Func<JsonElement, bool> match, int count, string what,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var found = new List<JsonElement>();
        for (var index = 0; ; )
        {
            Task changed;
            bool ended;
            lock (_gate)
            {
                for (; index < _events.Count && found.Count < count; index++)
                    if (match(_events[index])) found.Add(_events[index]);
                if (found.Count >= count) return found;
                changed = _changed.Task;
                ended = _outputEnded;
            }
            if (ended)
                throw new NodeSmscException($"The SMSC peer exited while the test waited for {what}. {await DescribeAsync()}");
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No {what} from the SMSC peer within {timeout.TotalSeconds:0.#} s (found {found.Count}). {await DescribeAsync()}");
            }
        }
    }

    private async Task<string> DescribeAsync()
    {
        // Let stderr catch up: when node dies, its last words are what explains it.
        if (_outputEnded)
        {
            await _stderrPump.WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        var exit = _process.HasExited ? $"Exit code {_process.ExitCode}. " : "";
        string[] recent;
        lock (_gate) recent = _events.Skip(Math.Max(0, _events.Count - 10)).Select(e => e.GetRawText()).ToArray();
        var stderr = StandardError;
        return exit
            + "Last events: " + (recent.Length == 0 ? "none" : string.Join(Environment.NewLine, recent))
            + Environment.NewLine + "Peer stderr: " + (stderr.Length == 0 ? "(empty)" : stderr);
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _stdin.WaitAsync(cancellationToken);
        try
        {
            if (_outputEnded || _process.HasExited)
                throw new NodeSmscException($"The SMSC peer is not running. {await DescribeAsync()}");
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new NodeSmscException($"Could not write to the SMSC peer ({e.Message}). {await DescribeAsync()}", e);
        }
        finally
        {
            _stdin.Release();
        }
    }

    private async Task PumpStandardOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Length == 0) continue;
                JsonElement e;
                try { e = JsonSerializer.Deserialize<JsonElement>(line); }
                catch (JsonException)
                {
                    e = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["event"] = "unparsed", ["line"] = line });
                }
                Publish(() => _events.Add(e));
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        finally
        {
            Publish(() => _outputEnded = true);
        }
    }

    private async Task PumpStandardErrorAsync()
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer)) > 0)
            {
                lock (_standardError)
                {
                    _standardError.Append(buffer, 0, read);
                    if (_standardError.Length > StandardErrorLimit)
                        _standardError.Remove(0, _standardError.Length - StandardErrorLimit);
                }
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private void Publish(Action change)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            change();
            previous = _changed;
            _changed = NewSignal();
        }
        previous.TrySetResult();
    }

    private string NewCommandId() => "c" + Interlocked.Increment(ref _nextCommand).ToString(CultureInfo.InvariantCulture);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void AddOption(ProcessStartInfo start, string name, string? value)
    {
        if (value is null) return;
        start.ArgumentList.Add(name);
        start.ArgumentList.Add(value);
    }

    private static void SetIfNotNull(JsonObject target, string name, string? value)
    {
        if (value is not null) target[name] = value;
    }

    private static void SetIfNotNull(JsonObject target, string name, int? value)
    {
        if (value is not null) target[name] = value.Value;
    }

    private static void SetIfNotNull(JsonObject target, string name, bool? value)
    {
        if (value is not null) target[name] = value.Value;
    }

    private static JsonObject TlvsToJson(IReadOnlyDictionary<string, object> tlvs)
    {
        var result = new JsonObject();
        foreach (var (name, value) in tlvs) result[name] = JsonSerializer.SerializeToNode(value);
        return result;
    }

    private static string EncodingName(SmscTextEncoding encoding) => encoding switch
    {
        SmscTextEncoding.Gsm => "gsm",
        SmscTextEncoding.Ucs2 => "ucs2",
        _ => "latin1",
    };
}
