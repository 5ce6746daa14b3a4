using Orleans;
using GrainId = Orleans.Runtime.GrainId;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>
/// What every Orleans reminder table must do for the reminder service, run once per engine by a subclass: Orleans'
/// in-memory table, our SQLite table and Orleans' Azure Table table. Ring ranges follow IReminderTable.ReadRows:
/// hashes in (begin, end] when begin &lt; end, otherwise above begin or up to end (so begin == end is the whole ring).
/// </summary>
public abstract class ReminderTableConformanceTests : IAsyncLifetime
{
    // Whole seconds: every engine keeps at least millisecond precision.
    protected static readonly DateTime StartAt = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    // Grain keys unique to this test, for engines whose rows outlive one test (a silo or table per class).
    private readonly string _keyPrefix = "unit-" + Guid.NewGuid().ToString("N")[..8] + "-";

    protected IReminderTable Table { get; private set; } = null!;

    /// <summary>The engine's table, started and empty as far as this test's grains go.</summary>
    protected abstract Task<IReminderTable> StartTableAsync();

    protected virtual Task StopTableAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Table = await StartTableAsync();

    public Task DisposeAsync() => StopTableAsync();

    protected GrainId Grain(int number) => GrainId.Create("tilsyn-unit", _keyPrefix + number);

    protected static ReminderEntry Entry(GrainId grain, string name = "agenda", DateTime? startAt = null, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = startAt ?? StartAt,
        Period = period ?? Period,
    };

    [Fact]
    public async Task UpsertedRowReadsBackWithItsStartAtPeriodAndETag()
    {
        var entry = Entry(Grain(1), "agenda/next due", StartAt.AddDays(3), TimeSpan.FromMinutes(90));

        var etag = await Table.UpsertRow(entry);
        var read = await Table.ReadRow(entry.GrainId, entry.ReminderName);

        Assert.False(string.IsNullOrEmpty(etag));
        Assert.NotNull(read);
        Assert.Equal(entry.GrainId, read.GrainId);
        Assert.Equal(entry.ReminderName, read.ReminderName);
        Assert.Equal(entry.StartAt, read.StartAt);
        Assert.Equal(entry.Period, read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task MissingRowReadsAsNull()
    {
        await Table.UpsertRow(Entry(Grain(1), "agenda"));

        Assert.Null(await Table.ReadRow(Grain(1), "heartbeat"));
        Assert.Null(await Table.ReadRow(Grain(2), "agenda"));
    }

    [Fact]
    public async Task UpsertOfAnExistingRowReplacesItAndChangesTheETag()
    {
        var first = await Table.UpsertRow(Entry(Grain(1)));

        var second = await Table.UpsertRow(Entry(Grain(1), startAt: StartAt.AddHours(2), period: TimeSpan.FromMinutes(5)));
        var read = await Table.ReadRow(Grain(1), "agenda");

        Assert.NotEqual(first, second);
        Assert.NotNull(read);
        Assert.Equal(StartAt.AddHours(2), read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
        Assert.Equal(second, read.ETag);
        Assert.Single((await Table.ReadRows(Grain(1))).Reminders);
    }

    [Fact]
    public async Task ReadByGrainReturnsThatGrainsRemindersOnly()
    {
        await Table.UpsertRow(Entry(Grain(1), "agenda"));
        await Table.UpsertRow(Entry(Grain(1), "heartbeat"));
        await Table.UpsertRow(Entry(Grain(2), "agenda"));

        var rows = (await Table.ReadRows(Grain(1))).Reminders;

        Assert.Equal(["agenda", "heartbeat"], rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, r => Assert.Equal(Grain(1), r.GrainId));
        Assert.Empty((await Table.ReadRows(Grain(3))).Reminders);
    }

    [Fact]
    public async Task RangeReadExcludesBeginAndIncludesEnd()
    {
        var hashes = await UpsertGrainsAsync(40);

        var rows = await Table.ReadRows(hashes[10], hashes[20]);

        Assert.Equal(hashes[11..21], HashesOf(rows));
    }

    [Fact]
    public async Task RangeReadWrapsAroundZeroWhenBeginIsAboveEnd()
    {
        var hashes = await UpsertGrainsAsync(40);

        var rows = await Table.ReadRows(hashes[30], hashes[5]);

        Assert.Equal(hashes[..6].Concat(hashes[31..]).Order(), HashesOf(rows));
    }

    [Fact]
    public async Task RangeReadWithBeginEqualToEndCoversTheWholeRing()
    {
        var hashes = await UpsertGrainsAsync(40);

        Assert.Equal(hashes, HashesOf(await Table.ReadRows(0, 0)));
        Assert.Equal(hashes, HashesOf(await Table.ReadRows(hashes[17], hashes[17])));
    }

    [Fact]
    public async Task RangesThatSplitTheRingAddUpToEveryRowOnce()
    {
        var hashes = await UpsertGrainsAsync(200);
        uint[] bounds = [0x1000_0000, 0x5000_0000, 0x9000_0000, 0xD000_0000];

        var parts = new List<uint[]>();
        for (var i = 0; i < bounds.Length; i++)
            parts.Add(HashesOf(await Table.ReadRows(bounds[i], bounds[(i + 1) % bounds.Length])));

        Assert.Equal(hashes, parts.SelectMany(p => p).Order());
        Assert.All(parts, part => Assert.NotEmpty(part));
    }

    [Fact]
    public async Task RemoveWithTheCurrentETagRemovesTheRow()
    {
        var etag = await Table.UpsertRow(Entry(Grain(1)));

        Assert.True(await Table.RemoveRow(Grain(1), "agenda", etag!));
        Assert.Null(await Table.ReadRow(Grain(1), "agenda"));
    }

    [Fact]
    public async Task RemoveWithAnOldETagFailsAndKeepsTheRow()
    {
        var old = await Table.UpsertRow(Entry(Grain(1)));
        var current = await Table.UpsertRow(Entry(Grain(1), startAt: StartAt.AddMinutes(1)));

        Assert.False(await Table.RemoveRow(Grain(1), "agenda", old!));
        Assert.Equal(current, (await Table.ReadRow(Grain(1), "agenda"))?.ETag);
    }

    [Fact]
    public async Task RemoveOfAMissingRowFails()
    {
        var etag = await Table.UpsertRow(Entry(Grain(1)));

        Assert.False(await Table.RemoveRow(Grain(1), "heartbeat", etag!));
        Assert.False(await Table.RemoveRow(Grain(2), "agenda", etag!));
        Assert.True(await Table.RemoveRow(Grain(1), "agenda", etag!));
        Assert.False(await Table.RemoveRow(Grain(1), "agenda", etag!));
    }

    [Fact]
    public async Task ClearRemovesEveryRow()
    {
        await UpsertGrainsAsync(5);

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
        Assert.Null(await Table.ReadRow(Grain(0), "agenda"));
    }

    /// <summary>Upserts one reminder for each of <paramref name="count"/> grains; their hashes in ascending order.</summary>
    protected async Task<uint[]> UpsertGrainsAsync(int count)
    {
        var grains = Enumerable.Range(0, count).Select(Grain).ToList();
        await Task.WhenAll(grains.Select(g => Table.UpsertRow(Entry(g))));
        return grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
    }

    private static uint[] HashesOf(ReminderTableData data) =>
        data.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order().ToArray();
}
