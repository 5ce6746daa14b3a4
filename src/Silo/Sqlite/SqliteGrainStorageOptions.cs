using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>Options of one named <see cref="SqliteGrainStorage"/>.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The SQLite file (created owner-only, with its folder, when missing). Required.</summary>
    public string? FilePath { get; set; }

    /// <summary>
    /// How states become bytes. Left null, it is the <see cref="IGrainStorageSerializer"/> registered under the
    /// provider's name, else the silo's default one, as for Orleans' own providers.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;

    /// <summary>The silo lifecycle stage at which the file is opened and migrated.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;
}

/// <summary>Refuses to start a silo whose SQLite grain storage has no file.</summary>
internal sealed class SqliteGrainStorageOptionsValidator(SqliteGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (string.IsNullOrWhiteSpace(options.FilePath))
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{name}' has no {nameof(SqliteGrainStorageOptions.FilePath)}: " +
                "set it to the database file, e.g. o => o.FilePath = \"data/grain-state.db\".");
        if (options.FilePath is ":memory:" || options.FilePath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            throw new OrleansConfigurationException(
                $"SQLite grain storage '{name}' needs a plain file path, not '{options.FilePath}' (readers open connections of their own).");
    }
}
