using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Sip;

namespace SelfService.Channels.Voice;

/// <summary>
/// Takes the calls the operator's trunk sends to the voice channel's SIP address: each one is answered and walked through
/// the voice menu (<see cref="VoiceMenu"/>) until one side hangs up; and places the calls back (<see cref="VoiceCallbacks"/>).
/// Runs while the gateway runs.
/// </summary>
public sealed partial class VoiceSipService(VoiceMenu menu, IOptions<VoiceOptions> options, TimeProvider time, ILoggerFactory loggers)
    : IHostedService, ISipCallHandler, IAsyncDisposable
{
    private readonly ILogger<VoiceSipService> _logger = loggers.CreateLogger<VoiceSipService>();
    private SipUserAgent? _agent;

    /// <summary>Where calls come in (the port chosen at start when configured as 0).</summary>
    public IPEndPoint? LocalEndPoint => _agent?.LocalEndPoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sip = options.Value.Sip;
        _agent = new SipUserAgent(new SipUserAgentOptions
        {
            LocalAddress = IPAddress.Parse(sip.Address),
            Port = sip.Port,
            AdvertisedAddress = string.IsNullOrWhiteSpace(sip.AdvertisedAddress) ? null : IPAddress.Parse(sip.AdvertisedAddress),
            RtpPortMin = sip.RtpPortMin,
            RtpPortMax = sip.RtpPortMax,
            OutboundRingTimeout = options.Value.Callback.RingTimeout,
        }, this, time, loggers.CreateLogger<SipUserAgent>())
        {
            ProtocolLogger = new SipWireLog(loggers.CreateLogger<SipWireLog>()),
        };
        await _agent.StartAsync(cancellationToken);
        LogListening(_agent.LocalEndPoint.ToString());
    }

    public async Task HandleCallAsync(SipCall call, CancellationToken cancellationToken)
    {
        var voiceCall = new SipVoiceCall(call);
        try
        {
            if (options.Value.AnswerAfter > TimeSpan.Zero)
            {
                await call.RingAsync(cancellationToken);
                await Task.Delay(options.Value.AnswerAfter, time, cancellationToken);
            }
            await call.AnswerAsync(cancellationToken);
        }
        catch (Exception ex) when (call.Ended.IsCancellationRequested && ex is OperationCanceledException or SipException)
        {
            // The caller gave up while it rang (CANCEL, answered 487 by the user agent): an abandoned call, nothing was said.
            await menu.AbandonedAsync(voiceCall);
            return;
        }
        await menu.HandleAsync(voiceCall);
    }

    /// <summary>Places a call to <paramref name="target"/> showing <paramref name="callerUser"/>; throws <see cref="SipCallFailedException"/> when it is not answered.</summary>
    public Task<SipCall> CallAsync(SipUri target, string callerUser, CancellationToken cancellationToken) =>
        (_agent ?? throw new InvalidOperationException("the voice channel's SIP side is not started")).CallAsync(target, callerUser, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_agent is not null) await _agent.DisposeAsync();
        _agent = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "The voice menu takes calls at sip:{EndPoint} (UDP)")]
    private partial void LogListening(string endPoint);
}
