using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Tests.OrleansStorage;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

/// <summary>The embedded default (<see cref="TilsynSiloBuilderExtensions.UseTilsynEmbeddedStores"/>) on a real host in a temp folder.</summary>
public sealed class EmbeddedStoresTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task GrainStateAndRemindersSurviveARestartInTheirOwnFiles()
    {
        var at = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.FromHours(1));
        GrainId agenda;
        await using (var first = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0))
        {
            await first.Grains.GetGrain<IPersistentStateGrain>("unit/dt-ådalen").RememberAsync("kept", at);
            var probe = first.Grains.GetGrain<IAgendaProbeGrain>("unit/dt-ådalen");
            await probe.ScheduleAsync(TimeSpan.FromHours(2));
            agenda = probe.GetGrainId();
            Assert.IsType<SqliteAuditLog>(first.Services.GetRequiredService<IAuditLog>());
        }

        await using var second = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0.AddMinutes(5));
        var recalled = await second.Grains.GetGrain<IPersistentStateGrain>("unit/dt-ådalen").RecallAsync();
        var reminder = await second.Services.GetRequiredService<IReminderTable>().ReadRow(agenda, IAgendaGrain.WakeReminder);

        Assert.Equal("kept", recalled.Name);
        Assert.Equal([new ConformanceItem("kept", at)], recalled.Items);
        Assert.NotNull(reminder);
        Assert.Equal(T0.AddHours(2).UtcDateTime, reminder.StartAt);
        Assert.Equal(
            [TilsynDataFolder.AuditFile, TilsynDataFolder.GrainStateFile, TilsynDataFolder.RemindersFile],
            Directory.GetFiles(_folder.Path, "*.db").Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task GrainStateIsStoredWithOrleansSerializerNotJsonWithDotNetTypeNames()
    {
        await using (var host = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0))
        {
            await host.Grains.GetGrain<IPersistentStateGrain>("unit/1").RememberAsync("binary", T0);
        }

        using var connection = new SqliteConnection($"Data Source={_folder.File(TilsynDataFolder.GrainStateFile)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state";
        var payload = (byte[])command.ExecuteScalar()!;
        var text = System.Text.Encoding.UTF8.GetString(payload);

        Assert.NotEqual((byte)'{', payload[0]);
        Assert.DoesNotContain(typeof(ConformanceState).Namespace!, text);
        Assert.Contains("binary", text);
    }

    [Fact]
    public async Task ADataFolderOfThePreviousReleaseIsRefusedBeforeAnythingIsWrittenBesideIt()
    {
        Directory.CreateDirectory(_folder.Path);
        var oldFile = _folder.File(TilsynDataFolder.PreviousReleaseFile);
        using (var connection = new SqliteConnection($"Data Source={oldFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE grain_state (grain_type TEXT, grain_key TEXT, version INTEGER, state_json TEXT)";
            command.ExecuteNonQuery();
        }

        var refused = await Assert.ThrowsAsync<OrleansConfigurationException>(() => TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0));

        Assert.Contains(oldFile, refused.Message);
        Assert.Contains("changed its storage format", refused.Message);
        Assert.Contains("move the folder", refused.Message);
        Assert.Equal([TilsynDataFolder.PreviousReleaseFile], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AnUnrelatedFileNamedLikeThePreviousStoreDoesNotStopTheSilo()
    {
        Directory.CreateDirectory(_folder.Path);
        await File.WriteAllTextAsync(_folder.File(TilsynDataFolder.PreviousReleaseFile), "not a database");

        await using var host = await TilsynTestHost.StartEmbeddedAsync(_folder.Path, T0);

        Assert.Equal("x", (await RememberAndRecall(host, "x")).Name);
    }

    private static async Task<ConformanceState> RememberAndRecall(TilsynTestHost host, string name)
    {
        var grain = host.Grains.GetGrain<IPersistentStateGrain>("unit/2");
        await grain.RememberAsync(name, T0);
        return await grain.RecallAsync();
    }
}
