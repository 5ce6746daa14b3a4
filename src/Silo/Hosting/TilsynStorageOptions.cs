namespace OrleansTilsyn.Silo.Hosting;

/// <summary>
/// Where the silo keeps grain state, reminders and the audit log (configuration section <c>Storage</c>, the section
/// the previous release used, so <c>Storage:DataDirectory</c> keeps its meaning). Proposed keys:
/// <c>Storage:Engine</c> = <c>sqlite</c> (embedded default) or <c>azure</c> (cluster);
/// <c>Storage:DataDirectory</c> (sqlite); <c>Storage:AzureConnectionString</c> and <c>Storage:TablePrefix</c> (azure).
/// </summary>
public sealed class TilsynStorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Azure = "azure";

    public string Engine { get; set; } = Sqlite;

    /// <summary>The folder of the SQLite files, relative to the content root; created owner-only when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Azure Storage (or Azurite) connection string; give it by environment (<c>Storage__AzureConnectionString</c>), never in a file in the repo.</summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>Prefix of the deployment's Azure tables (see <see cref="TilsynTableNames"/>).</summary>
    public string TablePrefix { get; set; } = TilsynTableNames.DefaultPrefix;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Engine is not (Sqlite or Azure))
            errors.Add($"{SectionName}:{nameof(Engine)} must be {Sqlite} or {Azure}, not '{Engine}'.");
        if (Engine == Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
            errors.Add($"{SectionName}:{nameof(DataDirectory)} is required for {Sqlite}.");
        if (Engine == Azure && string.IsNullOrWhiteSpace(AzureConnectionString))
            errors.Add($"{SectionName}:{nameof(AzureConnectionString)} is required for {Azure} (set {SectionName}__{nameof(AzureConnectionString)}).");
        if (Engine == Azure)
        {
            try
            {
                _ = new TilsynTableNames(TablePrefix);
            }
            catch (ArgumentException exception)
            {
                errors.Add($"{SectionName}:{nameof(TablePrefix)}: {exception.Message}");
            }
        }

        return errors;
    }
}
