namespace SelfService.Gateway.Hosting;

/// <summary>Bound from "Samples": the sample operator the gateway starts with when its store is empty.</summary>
public sealed class SamplesOptions
{
    public const string Section = "Samples";

    /// <summary>The samples/ folder: operator/ (catalogue, services, subscribers) and knowledgebase/.</summary>
    public string Root { get; set; } = "samples";

    /// <summary>Load the sample services, subscribers and knowledge base into an empty store on start.</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>For benchmarks: this many more subscribers, +7900 and seven digits, the numbers the SMSC simulator's customers have.</summary>
    public int SyntheticSubscribers { get; set; }
}
