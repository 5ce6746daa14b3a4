using System.Globalization;
using Orleans.Storage;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>Where one grain state lives: its state name, the grain's type and the grain key's exact bytes.</summary>
internal readonly record struct SqliteGrainStateKey(string StateName, string GrainType, byte[] GrainKey, string Description);

/// <summary>A stored state: its version (the ETag) and serialized payload, null once cleared.</summary>
internal readonly record struct SqliteStoredGrainState(long Version, byte[]? Payload);

/// <summary>
/// The grain storage's statements. A write is one statement guarded by the expected version (an update) or by the
/// row's absence (an insert); when it changes no row, the write is refused before it changed anything, so the writer's
/// batch goes on (<see cref="SqliteRefusal"/>). Clearing is a write of a NULL payload.
/// </summary>
internal static class SqliteGrainStorageStatements
{
    private const string Where = "state_name = $name AND grain_type = $type AND grain_key = $key";

    private const string Select = $"SELECT version, payload FROM orleans_grain_state WHERE {Where}";

    private const string Insert = """
        INSERT INTO orleans_grain_state (state_name, grain_type, grain_key, version, payload)
        VALUES ($name, $type, $key, 1, $payload)
        ON CONFLICT DO NOTHING
        """;

    private const string Update =
        $"UPDATE orleans_grain_state SET version = $expected + 1, payload = $payload WHERE {Where} AND version = $expected";

    public static SqliteStoredGrainState? Read(SqliteSession session, SqliteGrainStateKey key) =>
        Bind(session.Statement(Select), key)
            .Query(row => (SqliteStoredGrainState?)new SqliteStoredGrainState(row.GetInt64(0), row.GetNullableBlob(1)))
            .SingleOrDefault();

    /// <summary>The version a write carrying <paramref name="eTag"/> expects to find (null: no row), or a refusal for an
    /// ETag this storage never hands out.</summary>
    public static long? ExpectedVersion(string? eTag, SqliteGrainStateKey key) =>
        eTag is null ? null
        : long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version
        : throw new InconsistentStateException($"Refused to write {key.Description}: '{eTag}' is not an ETag of the SQLite grain storage.", null, eTag);

    /// <summary>Stores <paramref name="payload"/> (null clears) when the stored version is <paramref name="expected"/>;
    /// returns the new version.</summary>
    /// <exception cref="SqliteRefusal">With an <see cref="InconsistentStateException"/>: the stored version differs.</exception>
    public static long Write(SqliteSession session, SqliteGrainStateKey key, long? expected, byte[]? payload)
    {
        var statement = Bind(session.Statement(expected is null ? Insert : Update), key);
        if (payload is null) statement.Bind("$payload", (string?)null);
        else statement.BindBlob("$payload", payload);
        if (expected is { } version) statement.Bind("$expected", version);
        if (statement.Execute() == 1) return (expected ?? 0) + 1;

        var stored = Read(session, key)?.Version;
        throw new SqliteRefusal(new InconsistentStateException(
            $"Refused to write {key.Description}: it was changed since it was read (stored ETag {Describe(stored)}, the write's ETag {Describe(expected)}).",
            stored?.ToString(CultureInfo.InvariantCulture), expected?.ToString(CultureInfo.InvariantCulture)));
    }

    private static SqliteStatement Bind(SqliteStatement statement, SqliteGrainStateKey key) =>
        statement.Bind("$name", key.StateName).Bind("$type", key.GrainType).BindBlob("$key", key.GrainKey);

    private static string Describe(long? version) => version?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
