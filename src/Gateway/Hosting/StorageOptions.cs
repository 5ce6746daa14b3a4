namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Which store the co-hosted silo uses (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (embedded default, one silo), <c>postgres</c> (several silos) or <c>memory</c> (nothing kept).</summary>
    public string Engine { get; set; } = "sqlite";

    /// <summary>For PostgreSQL: an Npgsql connection string (give the password by environment, never in a file
    /// in the repo: <c>Storage__ConnectionString</c>). For SQLite: optional; defaults to <see cref="DataDirectory"/>/tilsyn.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the SQLite file, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Engine is not ("sqlite" or "postgres" or "memory"))
            errors.Add($"Storage:Engine must be sqlite, postgres or memory, not '{Engine}'.");
        if (Engine == "postgres" && string.IsNullOrWhiteSpace(ConnectionString))
            errors.Add("Storage:ConnectionString is required for postgres (set Storage__ConnectionString).");
        if (Engine == "sqlite" && string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(DataDirectory))
            errors.Add("Storage:DataDirectory or Storage:ConnectionString is required for sqlite.");
        return errors;
    }
}
