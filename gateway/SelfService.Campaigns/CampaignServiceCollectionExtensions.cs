using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using SelfService.Pipeline;
using SelfService.Storage.Leases;

namespace SelfService.Campaigns;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// Registers campaigns: the rules, the audience writer, the runner (a hosted service that resumes running campaigns),
    /// and the Quartz.NET scheduler with its hosted service. <paramref name="topics"/> gives the campaign topics the
    /// catalogue defines. The host binds <see cref="CampaignOptions"/> and registers the storage port and the pipeline.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services, Func<IServiceProvider, IReadOnlyCollection<string>> topics)
    {
        services.AddSingleton(sp => new CampaignRules(
            sp.GetRequiredService<IOptions<CampaignOptions>>(), sp.GetRequiredService<ChannelRegistry>(), topics(sp),
            sp.GetRequiredService<SelfService.Commands.Surveys.SurveyPrompts>()));
        services.AddSingleton<CampaignSurveys>();
        services.AddSingleton<CsatSurveys>();
        services.AddSingleton<SurveyResults>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddHostedService(sp => sp.GetRequiredService<CsatSurveys>());
        services.AddSingleton<AudienceWriter>();
        services.AddSingleton<NumberListUpload>();
        services.AddSingleton<CampaignRunner>();
        services.AddSingleton<CampaignScheduler>();
        services.AddSingleton<CampaignManager>();
        services.AddQuartz(q => q.UseInMemoryStore());
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        services.AddHostedService(sp => sp.GetRequiredService<CampaignRunner>());
        // After Quartz's own hosted service: the leader's triggers go to a scheduler that is there.
        services.AddConnectionLeases();
        services.AddHostedService<CampaignLeadership>();
        return services;
    }
}
