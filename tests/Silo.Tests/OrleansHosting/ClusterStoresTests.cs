using System.Net;
using Azure.Data.Tables;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Tests.OrleansStorage;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.OrleansHosting;

/// <summary>
/// The cluster deployment (<see cref="TilsynSiloBuilderExtensions.UseTilsynClusterStores"/>) against Azurite: real
/// hosts on free ports, one service of their own in tables of their own prefix.
/// </summary>
public sealed class ClusterStoresTests
{
    private static readonly DateTimeOffset T0 = new(2027, 4, 1, 7, 0, 0, TimeSpan.Zero);

    private readonly TilsynTableNames _tables = new(AzuriteStorage.UniqueTableName("t")[..20]);
    private readonly string _serviceId = "tilsyn-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TwoSilosFormAClusterWithOneActivationPerGrainAndKeepStateAndRemindersInAzureTables()
    {
        await using var first = await StartSiloAsync(T0);
        await using var second = await StartSiloAsync(T0);
        await Eventually(async () => await ActiveSilos(first) == 2 && await ActiveSilos(second) == 2, "both silos seeing two active silos");

        var activations = new[]
        {
            await first.Grains.GetGrain<IPersistentStateGrain>("unit/1").ActivationAsync(),
            await second.Grains.GetGrain<IPersistentStateGrain>("unit/1").ActivationAsync(),
        };
        await second.Grains.GetGrain<IPersistentStateGrain>("unit/1").RememberAsync("in azure", T0);
        await first.Grains.GetGrain<IAgendaProbeGrain>("unit/1").ScheduleAsync(TimeSpan.FromHours(2));

        Assert.Single(activations.Distinct());
        Assert.Equal("in azure", (await first.Grains.GetGrain<IPersistentStateGrain>("unit/1").RecallAsync()).Name);
        var service = new TableServiceClient(AzuriteStorage.ConnectionString);
        Assert.NotEmpty(await Rows(service, _tables.GrainState));
        var reminder = Assert.Single(await Rows(service, _tables.Reminders), row => row.GetString("ReminderName") == IAgendaGrain.WakeReminder);
        Assert.Contains("unit/1", reminder.GetString("GrainReference") ?? reminder.PartitionKey + reminder.RowKey);
        Assert.NotEmpty(await Rows(service, _tables.Membership));
        Assert.NotNull(await service.GetTableClient(_tables.Audit).QueryAsync<TableEntity>(maxPerPage: 1).AsPages().FirstAsync());
    }

    [Fact]
    public async Task AfterAnOutageEachPastDueAgendaGrainIsWokenAndEachSiloReadsOnlyItsOwnRange()
    {
        const int due = 24;
        await using (var scheduling = await StartSiloAsync(T0))
        {
            for (var i = 0; i < due; i++) await scheduling.Grains.GetGrain<IAgendaProbeGrain>("due-" + i).ScheduleAsync(TimeSpan.FromMinutes(10));
            for (var i = 0; i < 3; i++) await scheduling.Grains.GetGrain<IAgendaProbeGrain>("later-" + i).ScheduleAsync(TimeSpan.FromHours(3));
        }

        await using var first = await StartSiloAsync(T0.AddHours(1));
        var firstResult = await first.CatchUp;
        await using var second = await StartSiloAsync(T0.AddHours(1));
        var secondResult = await second.CatchUp;

        // The first silo starts alone and owns the whole ring; the second, joining it, owns a part.
        Assert.Equal(new AgendaCatchUpResult(due, due, 0, 3), firstResult);
        Assert.InRange(secondResult.Due, 0, due - 1);
        Assert.Equal(secondResult.Due, secondResult.Woken);
        var wakes = first.Wakes.Wakes.Concat(second.Wakes.Wakes).GroupBy(w => w.Key, w => w.Value).ToDictionary(g => g.Key, g => g.Sum());
        Assert.Equal(Enumerable.Range(0, due).Select(i => "due-" + i).Order(), wakes.Keys.Order());
        Assert.Equal(due + secondResult.Due, wakes.Values.Sum());
    }

    private Task<TilsynTestHost> StartSiloAsync(DateTimeOffset now) => TilsynTestHost.StartAsync(now, silo =>
    {
        silo.UseTilsynClusterStores(AzuriteStorage.ConnectionString, _tables.Prefix);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = _serviceId;
            o.ServiceId = _serviceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.Loopback;
            o.SiloPort = TilsynTestHost.FreePort();
            o.GatewayPort = TilsynTestHost.FreePort();
        });
    });

    private static async Task<int> ActiveSilos(TilsynTestHost host) =>
        (await host.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    private static async Task<List<TableEntity>> Rows(TableServiceClient service, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in service.GetTableClient(table).QueryAsync<TableEntity>()) rows.Add(row);
        return rows;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition() && waited.Elapsed < TestSilos.Patience) await Task.Delay(50);
        Assert.True(await condition(), $"never saw {what}");
    }
}
