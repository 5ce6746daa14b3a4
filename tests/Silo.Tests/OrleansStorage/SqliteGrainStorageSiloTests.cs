using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>A real silo with the SQLite storage as its default grain storage, used through <c>IPersistentState</c>.</summary>
public sealed class SqliteGrainStorageSiloTests
{
    [Fact]
    public async Task GrainStateWrittenBeforeDeactivationIsReadByTheNextActivation()
    {
        using var file = new SqliteTestDatabase();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddSqliteGrainStorageAsDefault(o => o.FilePath = file.FilePath));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IPersistentStateGrain>("unit/dt-ådalen");
        var at = new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

        await grain.RememberAsync("first", at);
        await grain.RememberAsync("second", at.AddDays(1));
        var before = await grain.ActivationAsync();
        await cluster.DeactivateAsync(grain);

        var recalled = await grain.RecallAsync();
        Assert.NotEqual(before, await grain.ActivationAsync());
        Assert.Equal("second", recalled.Name);
        Assert.Equal([new("first", at), new("second", at.AddDays(1))], recalled.Items);
        Assert.Equal(at.AddDays(1), recalled.ChangedAt);
    }
}
