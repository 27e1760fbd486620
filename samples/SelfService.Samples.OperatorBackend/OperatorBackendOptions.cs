namespace SelfService.Samples.OperatorBackend;

/// <summary>The <c>OperatorBackend</c> configuration section.</summary>
public sealed class OperatorBackendOptions
{
    public const string SectionName = "OperatorBackend";

    /// <summary>The database file (the embedded engine's); relative paths are under the content root.</summary>
    public string DatabasePath { get; set; } = "operator-backend.db";

    /// <summary>The folder with services.json and subscribers.json; by default the copy beside the app.</summary>
    public string SamplesPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "operator");

    /// <summary>When set, every request must carry it in <c>X-Api-Key</c> or as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }
}
