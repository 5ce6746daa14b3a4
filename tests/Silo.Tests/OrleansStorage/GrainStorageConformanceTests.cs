using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>
/// What every grain storage provider of the service must do (Orleans' own providers included), so grains behave the
/// same on memory, SQLite and Azure Table storage. Each test uses grains of its own; the provider is shared per class.
/// </summary>
public abstract class GrainStorageConformanceTests(IGrainStorage storage)
{
    private const string StateName = "state";

    /// <summary>Orleans' memory storage accepts an ETag for a state it never stored (its mitigation for a lost
    /// storage grain); the stores that survive restarts refuse it.</summary>
    protected virtual bool RefusesETagForMissingState => true;

    private static GrainId NewGrain(string type = "conformance") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private async Task<GrainState<ConformanceState>> ReadAsync(GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<ConformanceState>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    private async Task<GrainState<ConformanceState>> WriteNewAsync(GrainId grain, string name, string stateName = StateName)
    {
        var state = await ReadAsync(grain, stateName);
        state.State = ConformanceState.Sample(name);
        await storage.WriteStateAsync(stateName, grain, state);
        return state;
    }

    private static GrainState<ConformanceState> Copy(GrainState<ConformanceState> state, string name) =>
        new(ConformanceState.Sample(name), state.ETag) { RecordExists = state.RecordExists };

    [Fact]
    public async Task NeverWrittenStateReadsAsMissingWithDefaultState()
    {
        var read = await ReadAsync(NewGrain());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal("", read.State!.Name);
        Assert.Empty(read.State!.Items);
    }

    [Fact]
    public async Task WrittenStateReadsBackWithNestedListsDictionariesAndInstants()
    {
        var grain = NewGrain();
        var written = await WriteNewAsync(grain, "round trip");

        var read = await ReadAsync(grain);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        var expected = ConformanceState.Sample("round trip");
        Assert.Equal(expected.Name, read.State!.Name);
        Assert.Equal(expected.Items, read.State!.Items);
        Assert.Equal(expected.Counts.Keys.Order(), read.State!.Counts.Keys.Order());
        Assert.All(expected.Counts, pair => Assert.Equal(pair.Value, read.State!.Counts[pair.Key]));
        Assert.Equal(expected.ChangedAt, read.State!.ChangedAt);
        Assert.Equal(expected.ChangedAt.Offset, read.State!.ChangedAt.Offset);
    }

    [Fact]
    public async Task EveryWriteGivesANewETag()
    {
        var grain = NewGrain();
        var state = await WriteNewAsync(grain, "first");
        var etags = new List<string?> { state.ETag };
        for (var i = 0; i < 3; i++)
        {
            state.State!.Name = $"write {i}";
            await storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(etags.Count, etags.Distinct().Count());
        var read = await ReadAsync(grain);
        Assert.Equal(etags[^1], read.ETag);
        Assert.Equal("write 2", read.State!.Name);
    }

    [Fact]
    public async Task StaleWriteIsRefusedAndLeavesTheStoredStateAlone()
    {
        var grain = NewGrain();
        await WriteNewAsync(grain, "original");
        var first = await ReadAsync(grain);
        var second = await ReadAsync(grain);
        first.State!.Name = "first writer";
        await storage.WriteStateAsync(StateName, grain, first);

        second.State!.Name = "stale writer";
        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, second));

        var read = await ReadAsync(grain);
        Assert.Equal("first writer", read.State!.Name);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteWithoutETagIsRefusedWhenAStateIsStored()
    {
        var grain = NewGrain();
        var stored = await WriteNewAsync(grain, "stored");

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync(StateName, grain, new GrainState<ConformanceState>(ConformanceState.Sample("blind"))));

        Assert.Equal(stored.ETag, (await ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task WriteWithAnETagForANeverStoredStateIsRefusedByDurableStores()
    {
        var grain = NewGrain();
        var elsewhere = await WriteNewAsync(NewGrain(), "other grain");
        var write = () => storage.WriteStateAsync(StateName, grain, new GrainState<ConformanceState>(ConformanceState.Sample("guess"), elsewhere.ETag));

        if (RefusesETagForMissingState)
        {
            await Assert.ThrowsAnyAsync<InconsistentStateException>(write);
            Assert.False((await ReadAsync(grain)).RecordExists);
        }
        else
        {
            await write();
            Assert.True((await ReadAsync(grain)).RecordExists);
        }
    }

    [Fact]
    public async Task OfConcurrentWritersWithTheSameETagExactlyOneWins()
    {
        var grain = NewGrain();
        var read = await WriteNewAsync(grain, "start");
        var writers = Enumerable.Range(0, 8).Select(i => Copy(read, $"writer {i}")).ToList();

        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, grain, writer);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = writers[Array.IndexOf(outcomes, true)];
        var stored = await ReadAsync(grain);
        Assert.Equal(winner.State!.Name, stored.State!.Name);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task ClearedStateReadsAsMissingWithDefaultState()
    {
        var grain = NewGrain();
        var state = await WriteNewAsync(grain, "to be cleared");

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Name);
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Name);
        Assert.Empty(read.State!.Counts);
    }

    [Fact]
    public async Task ClearWithAStaleETagIsRefusedAndKeepsTheState()
    {
        var grain = NewGrain();
        var stale = await WriteNewAsync(grain, "first");
        var current = Copy(stale, "second");
        await storage.WriteStateAsync(StateName, grain, current);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        Assert.Equal("second", (await ReadAsync(grain)).State!.Name);
    }

    [Fact]
    public async Task WriteAfterClearNeedsTheETagTheClearGave()
    {
        var grain = NewGrain();
        var state = await WriteNewAsync(grain, "before clear");
        var beforeClear = Copy(state, "stale after clear");
        await storage.ClearStateAsync(StateName, grain, state);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, beforeClear));
        state.State = ConformanceState.Sample("after clear");
        await storage.WriteStateAsync(StateName, grain, state);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal("after clear", read.State!.Name);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task GrainsOfSeveralTypesAndUnusualKeysKeepTheirOwnStates()
    {
        var unique = Guid.NewGuid().ToString("N");
        string[] keys = [unique, $"{unique}/with/slashes", $"{unique} with spaces", $"{unique}-æøå-日本語-🙂", unique + new string('k', 200 - unique.Length)];
        var grains = new[] { "conformance", "conformance.other" }
            .SelectMany(type => keys.Select(key => GrainId.Create(type, key)))
            .ToList();

        foreach (var grain in grains) await WriteNewAsync(grain, grain.ToString());

        foreach (var grain in grains)
        {
            var read = await ReadAsync(grain);
            Assert.True(read.RecordExists, grain.ToString());
            Assert.Equal(grain.ToString(), read.State!.Name);
        }
    }

    [Fact]
    public async Task StatesOfTwoStateNamesOfOneGrainAreApart()
    {
        var grain = NewGrain();
        var profile = await WriteNewAsync(grain, "profile state", "profile");
        await WriteNewAsync(grain, "agenda state", "agenda");

        await storage.ClearStateAsync("profile", grain, profile);

        Assert.False((await ReadAsync(grain, "profile")).RecordExists);
        var agenda = await ReadAsync(grain, "agenda");
        Assert.True(agenda.RecordExists);
        Assert.Equal("agenda state", agenda.State!.Name);
    }
}
