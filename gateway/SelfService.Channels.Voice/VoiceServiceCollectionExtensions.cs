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
    /// adapter that speaks replies, and speech ("Speech": espeak-ng, the prompt cache, recorded prompts).
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
        services.AddSingleton<IChannelAdapter>(sp => new VoiceAdapter(sp.GetRequiredService<VoiceReplyRendezvous>(), overTrustedTrunk: true));
        services.AddSingleton<IChannelAdapter>(sp => new VoiceAdapter(sp.GetRequiredService<VoiceReplyRendezvous>(), overTrustedTrunk: false));
        services.AddSingleton(sp => new VoiceMenu(sp.GetRequiredService<IInboundSink>(), sp.GetRequiredService<VoiceReplyRendezvous>(),
            sp.GetRequiredService<VoicePrompts>(), sp.GetRequiredService<Storage.History.IHistoryStore>(), sp.GetServices<ICallObserver>(),
            sp.GetRequiredService<IOptions<VoiceOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<VoiceMenu>>()));
        services.AddSingleton<VoiceSipService>();
        services.AddHostedService(sp => sp.GetRequiredService<VoiceSipService>());
        return services;
    }
}
