using SelfService.Storage.Campaigns;

namespace SelfService.Storage.Contract.Campaigns;

/// <summary>
/// The campaign stores of an engine under test. Apart from <see cref="IStorageUnderTest"/> so that an engine is asked for
/// them only where it runs <see cref="CampaignContract"/>.
/// </summary>
public interface ICampaignStorageUnderTest
{
    ICampaignStore Campaigns { get; }
    IOptOutStore OptOuts { get; }
    IAudienceSource Audience { get; }
    Surveys.ISurveyStore Surveys { get; }
}
