using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Speech;

namespace SelfService.Channels.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the voice channel when "Channels:Voice:Enabled" is true: the SIP side taking calls, the menu, the
    /// adapters that speak replies (in the call, or calling back), and speech ("Speech": espeak-ng, the prompt cache, recorded prompts).
    /// </summary>
    public static IServiceCollection AddVoiceChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(VoiceOptions.Section);
        services.AddOptions<VoiceOptions>().Bind(section)
            .Validate(o => !o.Problems().Any(), "Channels:Voice is not valid").ValidateOnStart();
        if (!section.GetValue<bool>(nameof(VoiceOptions.Enabled))) return services;

        services.AddSingleton(sp =>
        {
            var speech = configuration.GetSection("Speech").Get<SpeechOptions>() ?? new SpeechOptions();
            if (speech.Validate() is { Count: > 0 } problems) throw new OptionsValidationException("Speech", typeof(SpeechOptions), problems);
            return VoicePrompts.Create(speech, sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton<VoiceReplyRendezvous>();
        services.AddSingleton(sp => new CallTimeline(sp.GetRequiredService<Storage.History.IHistoryStore>(), sp.GetRequiredService<ILogger<CallTimeline>>()));
        services.AddSingleton(sp => new VoiceCallbacks(sp.GetRequiredService<VoiceSipService>(), sp.GetRequiredService<VoicePrompts>(),
            sp.GetRequiredService<CallTimeline>(), sp.GetRequiredService<IOptions<VoiceOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<VoiceCallbacks>>()));
        services.AddSingleton<IChannelAdapter>(sp => new VoiceAdapter(sp.GetRequiredService<VoiceReplyRendezvous>(), sp.GetRequiredService<VoiceCallbacks>()));
        services.AddSingleton<IChannelAdapter>(sp => new VoiceAdapter(sp.GetRequiredService<VoiceReplyRendezvous>(), callbacks: null));
        services.AddSingleton(sp => new VoiceMenu(sp.GetRequiredService<IInboundSink>(), sp.GetRequiredService<VoiceReplyRendezvous>(),
            sp.GetRequiredService<VoicePrompts>(), sp.GetRequiredService<CallTimeline>(), sp.GetServices<ICallObserver>(),
            sp.GetRequiredService<IOptions<VoiceOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<VoiceMenu>>()));
        services.AddSingleton<VoiceSipService>();
        services.AddHostedService(sp => sp.GetRequiredService<VoiceSipService>());
        return services;
    }
}
