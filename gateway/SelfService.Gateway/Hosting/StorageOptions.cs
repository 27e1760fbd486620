namespace SelfService.Gateway.Hosting;

/// <summary>Bound from "Storage": the embedded LiteDB file that holds everything by default.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DatabaseFile { get; set; } = "data/selfservice.db";
}
