using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Orleans grain storage on one SQLite file (<see cref="SqliteGrainStorageOptions.FilePath"/>), opened and migrated
/// when the silo starts and closed when it stops. ETags are the row's version, which every write and clear raises by
/// one: a write must carry the ETag it read (none when nothing was ever stored), else it fails with
/// <see cref="InconsistentStateException"/> and changes nothing. Clearing keeps the row with no state, like Orleans'
/// Azure Table and ADO.NET providers by default, so a state's ETags are never reused. States are serialized with
/// <see cref="SqliteGrainStorageOptions.GrainStorageSerializer"/> on the caller's thread; the single writer only copies bytes.
/// </summary>
public sealed partial class SqliteGrainStorage(
    string name, SqliteGrainStorageOptions options, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly IGrainStorageSerializer _serializer =
        options.GrainStorageSerializer ?? throw new ArgumentException("The options have no grain storage serializer.", nameof(options));
    private SqliteFile? _file;

    /// <summary>The single writer's counters since the silo started (zero before).</summary>
    public SqliteWriterStatistics WriterStatistics => _file?.WriterStatistics ?? default;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId);
        var stored = File.Read(session => SqliteGrainStorageStatements.Read(session, key), cancellationToken);
        var state = stored?.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : default;
        grainState.State = state ?? NewState<T>();
        grainState.RecordExists = state is not null;
        grainState.ETag = ETag(stored?.Version);
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId);
        var expected = SqliteGrainStorageStatements.ExpectedVersion(grainState.ETag, key);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await File.WriteAsync(session => SqliteGrainStorageStatements.Write(session, key, expected, payload), cancellationToken);
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var key = Key(stateName, grainId);
        var expected = SqliteGrainStorageStatements.ExpectedVersion(grainState.ETag, key);
        var version = await File.WriteAsync(session => SqliteGrainStorageStatements.Write(session, key, expected, payload: null), cancellationToken);
        grainState.ETag = ETag(version);
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(name), options.InitStage, OpenAsync, CloseAsync);

    public ValueTask DisposeAsync() => new(CloseAsync(CancellationToken.None));

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var file = new SqliteFile(options.FilePath!, SqliteGrainStorageSchema.Schema, logger, "the silo starts it");
        try
        {
            await file.OpenAsync(cancellationToken);
            LogOpened(logger, name, options.FilePath!, _serializer.GetType().Name);
        }
        catch (Exception exception)
        {
            LogOpenFailed(logger, exception, name, options.FilePath!);
            await file.DisposeAsync();
            throw;
        }

        _file = file;
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        var file = Interlocked.Exchange(ref _file, null);
        if (file is not null) await file.DisposeAsync();
    }

    private SqliteFile File =>
        _file ?? throw new InvalidOperationException($"SQLite grain storage '{name}' is not open: the silo has not started, or has stopped.");

    private static SqliteGrainStateKey Key(string stateName, GrainId grainId) =>
        new(stateName, grainId.Type.ToString()!, grainId.Key.AsSpan().ToArray(), $"state '{stateName}' of grain {grainId}");

    private static string? ETag(long? version) => version?.ToString(CultureInfo.InvariantCulture);

    private T NewState<T>() => activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite grain storage {Name} opened {File} (serializer {Serializer})")]
    private static partial void LogOpened(ILogger logger, string name, string file, string serializer);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage {Name} could not open {File}")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string name, string file);
}

/// <summary>Builds a named <see cref="SqliteGrainStorage"/> from the silo's services, as Orleans' provider factories do.</summary>
public static class SqliteGrainStorageFactory
{
    public static SqliteGrainStorage Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            services, name, services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name));
}
