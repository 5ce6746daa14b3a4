using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>
/// The files of the embedded stores in the data folder. Their names differ from the previous release's single
/// <see cref="PreviousReleaseFile"/>, so a folder of that release is recognised without doubt and refused.
/// </summary>
public static class TilsynDataFolder
{
    public const string GrainStateFile = "grain-state.db";
    public const string RemindersFile = "reminders.db";
    public const string AuditFile = "audit.db";

    /// <summary>The previous release's store: one SQLite file whose <see cref="PreviousReleaseTable"/> held every grain's JSON state.</summary>
    public const string PreviousReleaseFile = "tilsyn.db";

    public const string PreviousReleaseTable = "grain_state";

    /// <summary>
    /// Throws when <paramref name="dataFolder"/> holds the previous release's store: that release kept its data in a
    /// format this one neither reads nor converts, and starting beside it would look like a silent loss of all data.
    /// </summary>
    public static void RefusePreviousRelease(string dataFolder)
    {
        var file = Path.Combine(Path.GetFullPath(dataFolder), PreviousReleaseFile);
        if (!HoldsPreviousReleaseStore(file)) return;
        throw new OrleansConfigurationException(
            $"The data folder holds the store of a previous release: {file} (table {PreviousReleaseTable}). " +
            "This release changed its storage format and cannot read that file, nor convert it. Stop here: move the " +
            $"folder {Path.GetDirectoryName(file)} aside (keep it, it is the old data) and start again, or configure a " +
            "new, empty data folder (Storage:DataDirectory).");
    }

    private static bool HoldsPreviousReleaseStore(string file)
    {
        if (!File.Exists(file)) return false;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", PreviousReleaseTable);
            return (long)command.ExecuteScalar()! > 0;
        }
        catch (SqliteException)
        {
            // Not a SQLite file: not the previous release's store, and no file the new stores use.
            return false;
        }
    }
}

/// <summary>Runs <see cref="TilsynDataFolder.RefusePreviousRelease"/> with Orleans' configuration checks, before the silo opens any file.</summary>
internal sealed class TilsynPreviousReleaseCheck(string dataFolder) : IConfigurationValidator
{
    public void ValidateConfiguration() => TilsynDataFolder.RefusePreviousRelease(dataFolder);
}
