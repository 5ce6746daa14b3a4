namespace OrleansTilsyn.TestSupport;

/// <summary>
/// The Azurite emulator that tests/run-all.sh starts for the run (env TILSYN_TEST_AZURITE, from
/// tests/start-azurite.sh); tests fail with instructions when it is missing. Each test names its own
/// tables with <see cref="UniqueTableName"/>, so tests never see each other's rows.
/// </summary>
public static class AzuriteStorage
{
    public const string EnvironmentVariable = "TILSYN_TEST_AZURITE";

    /// <summary>The connection string given in TILSYN_TEST_AZURITE; throws with instructions when it is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Azure Storage tests need Azurite: run " +
                $"`export {EnvironmentVariable}=$(bash tests/start-azurite.sh /tmp/azurite)` and test again.");

    /// <summary>A table name no other test uses (letters and digits, starting with a letter, at most 63 characters).</summary>
    public static string UniqueTableName(string prefix) =>
        prefix + Guid.NewGuid().ToString("N")[..Math.Min(32, 62 - prefix.Length)];
}
