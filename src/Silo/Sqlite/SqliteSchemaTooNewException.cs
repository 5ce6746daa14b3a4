namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>A SQLite file whose schema was written by newer code than this: opening it could lose what that code stores.</summary>
public sealed class SqliteSchemaTooNewException(string file, string versionTable, long found, long known)
    : InvalidOperationException(
        $"The SQLite file '{file}' has schema version {found} in {versionTable}, but this build knows versions up to {known} only. " +
        "It was written by a newer release: run that release (or newer) against it, or restore a backup made for this one.")
{
    public long FoundVersion { get; } = found;

    public long KnownVersion { get; } = known;
}
