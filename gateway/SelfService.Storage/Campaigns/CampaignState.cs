namespace SelfService.Storage.Campaigns;

public enum CampaignState
{
    /// <summary>Being written: nothing is scheduled.</summary>
    Draft,

    /// <summary>Launched, waiting for its trigger.</summary>
    Scheduled,

    /// <summary>A run is being sent.</summary>
    Running,

    /// <summary>Staff paused it: nothing more is handed to the channel until resumed.</summary>
    Paused,

    /// <summary>Staff cancelled it: recipients not reached yet are never reached.</summary>
    Cancelled,

    /// <summary>Every run it will ever have was sent.</summary>
    Done,
}
