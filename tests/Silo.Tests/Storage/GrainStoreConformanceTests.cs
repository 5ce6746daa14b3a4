using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IGrainStore"/> shares, run once per engine by a subclass.
/// Due times live on the domain axis around <see cref="T0"/>, leases on the real-time axis around
/// <see cref="LeaseNow"/>; both are fixed so nothing depends on the machine clock.
/// </summary>
public abstract class GrainStoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    protected static readonly DateTimeOffset LeaseNow = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly List<IGrainStore> _opened = [];

    protected IGrainStore Store { get; private set; } = null!;

    /// <summary>A new, not yet initialized store over this test's storage: every call sees the same data.</summary>
    protected abstract IGrainStore CreateStore();

    protected virtual Task CreateStorageAsync() => Task.CompletedTask;

    protected virtual Task DeleteStorageAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await CreateStorageAsync();
        Store = await OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        await DeleteStorageAsync();
    }

    protected async Task<IGrainStore> OpenStoreAsync()
    {
        var store = CreateStore();
        _opened.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    protected static GrainId Grain(string key = "unit-1", string type = "unit") => new(type, key);

    protected static StateWrite Write(GrainId grain, long expectedVersion, string stateJson, params ReminderChange[] reminders) =>
        new(grain, expectedVersion, stateJson,
            new AuditEvent(grain, 0, T0.AddMinutes(expectedVersion), "lead:ada-7", "Update", "ok", null),
            reminders, TraceParent);

    protected static ReminderChange Schedule(string name, DateTimeOffset dueAt) => new ReminderChange.Schedule(name, dueAt);

    protected static ReminderChange Cancel(string name) => new ReminderChange.Cancel(name);

    protected Task<IReadOnlyList<ReminderRow>> ClaimAsync(DateTimeOffset dueBy, DateTimeOffset leaseNow, string owner = "silo-a", int max = 100) =>
        Store.ClaimDueRemindersAsync(dueBy, leaseNow, Lease, owner, max, None);

    [Fact]
    public async Task NeverWrittenGrainHasNoStateAndVersionZero()
    {
        Assert.Null(await Store.ReadStateAsync(Grain(), None));
        Assert.Equal(0, await Store.ReadVersionAsync(Grain(), None));
        Assert.Equal(new StoreCounts(0, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task FirstWriteCreatesVersionOne()
    {
        var version = await Store.WriteStateAsync(Write(Grain(), 0, """{"n":1}"""), None);

        Assert.Equal(1, version);
        Assert.Equal(new StoredState("""{"n":1}""", 1), await Store.ReadStateAsync(Grain(), None));
        Assert.Equal(1, await Store.ReadVersionAsync(Grain(), None));
    }

    [Fact]
    public async Task EveryWriteIncrementsTheVersionAndReplacesTheState()
    {
        for (var expected = 0; expected < 5; expected++)
            Assert.Equal(expected + 1, await Store.WriteStateAsync(Write(Grain(), expected, $$"""{"n":{{expected + 1}}}"""), None));

        Assert.Equal(new StoredState("""{"n":5}""", 5), await Store.ReadStateAsync(Grain(), None));
        Assert.Null(await Store.ReadStateAsync(Grain("unit-2"), None));
    }

    [Fact]
    public async Task StaleWriteIsRejectedAndLeavesStateAuditAndRemindersUnchanged()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, """{"n":1}""", Schedule("expire", T0.AddDays(1))), None);
        await Store.WriteStateAsync(Write(Grain(), 1, """{"n":2}"""), None);
        var remindersBefore = await Store.ListRemindersAsync(Grain(), None);

        var recreate = await Assert.ThrowsAsync<StaleStateException>(() =>
            Store.WriteStateAsync(Write(Grain(), 0, """{"n":99}""", Schedule("other", T0), Cancel("expire")), None));
        var behind = await Assert.ThrowsAsync<StaleStateException>(() =>
            Store.WriteStateAsync(Write(Grain(), 1, """{"n":99}""", Schedule("expire", T0.AddYears(1))), None));
        var ahead = await Assert.ThrowsAsync<StaleStateException>(() =>
            Store.WriteStateAsync(Write(Grain(), 7, """{"n":99}""", Cancel("expire")), None));

        Assert.Equal([0L, 1L, 7L], [recreate.ExpectedVersion, behind.ExpectedVersion, ahead.ExpectedVersion]);
        Assert.Equal(Grain(), recreate.Grain);
        Assert.Equal(new StoredState("""{"n":2}""", 2), await Store.ReadStateAsync(Grain(), None));
        Assert.Equal([1L, 2L], (await Store.ReadAuditAsync(Grain(), None)).Select(a => a.Version));
        Assert.Equal(remindersBefore, await Store.ListRemindersAsync(Grain(), None));
        Assert.Equal(new StoreCounts(1, 2, 1), await Store.CountAsync(None));
    }

    [Fact]
    public async Task WriteExpectingAVersionOfANeverWrittenGrainIsStale()
    {
        await Assert.ThrowsAsync<StaleStateException>(() =>
            Store.WriteStateAsync(Write(Grain(), 3, "{}", Schedule("expire", T0)), None));

        Assert.Null(await Store.ReadStateAsync(Grain(), None));
        Assert.Equal(new StoreCounts(0, 0, 0), await Store.CountAsync(None));
    }

    [Fact]
    public async Task AuditRecordsTheProducedVersionAndTheCallersAttributes()
    {
        var grain = Grain();
        var first = new AuditEvent(grain, 0, T0, "lead:ada-7", "OpenCase", "ok", null);
        var second = new AuditEvent(grain, 0, T0.AddHours(2), "system:reminder", "ExpireCase", "rejected", "deadline passed: 2025-03-01");
        await Store.WriteStateAsync(new StateWrite(grain, 0, "{}", first, []), None);
        await Store.WriteStateAsync(new StateWrite(Grain("unit-2"), 0, "{}", first with { Grain = Grain("unit-2") }, []), None);
        await Store.WriteStateAsync(new StateWrite(grain, 1, "{}", second, []), None);

        var audit = await Store.ReadAuditAsync(grain, None);

        Assert.Equal(2, audit.Count);
        Assert.Equal(first with { Version = 1, Sequence = audit[0].Sequence }, audit[0]);
        Assert.Equal(second with { Version = 2, Sequence = audit[1].Sequence }, audit[1]);
        Assert.True(audit[0].Sequence > 0 && audit[1].Sequence > audit[0].Sequence);
        Assert.Single(await Store.ReadAuditAsync(Grain("unit-2"), None));
    }

    [Fact]
    public async Task ScheduledReminderCommitsWithTheStateWrite()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0.AddDays(1))), None);

        var row = Assert.Single(await Store.ListRemindersAsync(Grain(), None));
        Assert.Equal(Grain(), row.Grain);
        Assert.Equal("expire", row.Name);
        Assert.Equal(T0.AddDays(1), row.DueAt);
        Assert.True(row.Version > 0);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseUntil);
        Assert.Equal(0, row.Attempts);
        Assert.Equal(TraceParent, row.TraceParent);
    }

    [Fact]
    public async Task RescheduleReplacesTheRowWithAFreshVersionAndClearsItsLease()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        var claimed = Assert.Single(await ClaimAsync(T0, LeaseNow));

        await Store.WriteStateAsync(Write(Grain(), 1, "{}", Schedule("expire", T0.AddDays(7))) with { TraceParent = null }, None);

        var row = Assert.Single(await Store.ListRemindersAsync(Grain(), None));
        Assert.Equal(T0.AddDays(7), row.DueAt);
        Assert.True(row.Version > claimed.Version);
        Assert.Null(row.LeaseOwner);
        Assert.Null(row.LeaseUntil);
        Assert.Null(row.TraceParent);
    }

    [Fact]
    public async Task CancelRemovesTheReminderWithTheStateWrite()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0), Schedule("remind", T0)), None);

        await Store.WriteStateAsync(Write(Grain(), 1, "{}", Cancel("expire"), Cancel("never-scheduled")), None);

        Assert.Equal(["remind"], (await Store.ListRemindersAsync(Grain(), None)).Select(r => r.Name));
    }

    [Fact]
    public async Task ReminderChangesOfOneWriteApplyInOrder()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("a", T0), Schedule("b", T0.AddHours(1)), Cancel("a"), Schedule("c", T0)), None);

        var rows = await Store.ListRemindersAsync(Grain(), None);
        Assert.Equal(["c", "b"], rows.Select(r => r.Name));
        Assert.NotEqual(rows[0].Version, rows[1].Version);
    }

    [Fact]
    public async Task ClaimTakesOnlyDueRemindersInDueOrderUpToMax()
    {
        await Store.WriteStateAsync(Write(Grain("u1"), 0, "{}", Schedule("late", T0.AddMinutes(30)), Schedule("future", T0.AddDays(1))), None);
        await Store.WriteStateAsync(Write(Grain("u2"), 0, "{}", Schedule("early", T0.AddMinutes(-5)), Schedule("tie-first", T0)), None);
        await Store.WriteStateAsync(Write(Grain("u3"), 0, "{}", Schedule("tie-second", T0)), None);

        var first = await ClaimAsync(T0.AddHours(1), LeaseNow, max: 2);
        var second = await ClaimAsync(T0.AddHours(1), LeaseNow, max: 10);
        var none = await ClaimAsync(T0.AddHours(1), LeaseNow, max: 10);

        Assert.Equal(["early", "tie-first"], first.Select(r => r.Name));
        Assert.Equal(["tie-second", "late"], second.Select(r => r.Name));
        Assert.Empty(none);
        Assert.Equal(T0.AddDays(1), Assert.Single(await Store.ListRemindersAsync(Grain("u1"), None), r => r.LeaseOwner is null).DueAt);
    }

    [Fact]
    public async Task ClaimIncludesRemindersDueExactlyAtTheDueByTime()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);

        Assert.Empty(await ClaimAsync(T0.AddTicks(-10), LeaseNow));
        Assert.Single(await ClaimAsync(T0, LeaseNow));
    }

    [Fact]
    public async Task ClaimSetsTheOwnerAndTheLeaseAndKeepsTheOccurrence()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        var scheduled = Assert.Single(await Store.ListRemindersAsync(Grain(), None));

        var claimed = Assert.Single(await ClaimAsync(T0, LeaseNow, owner: "silo-a"));

        var expected = scheduled with { LeaseOwner = "silo-a", LeaseUntil = LeaseNow + Lease };
        Assert.Equal(expected, claimed);
        Assert.Equal(expected, Assert.Single(await Store.ListRemindersAsync(Grain(), None)));
    }

    [Fact]
    public async Task ClaimedReminderIsNotClaimedAgainWhileItsLeaseRuns()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        Assert.Single(await ClaimAsync(T0, LeaseNow, owner: "silo-a"));

        Assert.Empty(await ClaimAsync(T0.AddDays(1), LeaseNow + TimeSpan.FromSeconds(10), owner: "silo-b"));
        Assert.Empty(await ClaimAsync(T0.AddDays(1), LeaseNow + Lease, owner: "silo-b"));
    }

    [Fact]
    public async Task ExpiredLeaseIsReclaimableByAnotherOwner()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        var first = Assert.Single(await ClaimAsync(T0, LeaseNow, owner: "silo-a"));
        var later = LeaseNow + Lease + TimeSpan.FromMilliseconds(1);

        var reclaimed = Assert.Single(await ClaimAsync(T0, later, owner: "silo-b"));

        Assert.Equal(first with { LeaseOwner = "silo-b", LeaseUntil = later + Lease }, reclaimed);
        Assert.Equal(0, reclaimed.Attempts);
    }

    [Fact]
    public async Task CompleteRemovesOnlyTheDeliveredVersion()
    {
        await Store.WriteStateAsync(Write(Grain("u1"), 0, "{}", Schedule("expire", T0)), None);
        await Store.WriteStateAsync(Write(Grain("u2"), 0, "{}", Schedule("expire", T0)), None);
        var claimed = await ClaimAsync(T0, LeaseNow);
        Assert.Equal(2, claimed.Count);
        await Store.WriteStateAsync(Write(Grain("u1"), 1, "{}", Schedule("expire", T0.AddDays(1))), None);

        await Store.CompleteRemindersAsync(claimed, None);

        var survivor = Assert.Single(await Store.ListRemindersAsync(Grain("u1"), None));
        Assert.Equal(T0.AddDays(1), survivor.DueAt);
        Assert.Empty(await Store.ListRemindersAsync(Grain("u2"), None));
        Assert.Equal(1, (await Store.CountAsync(None)).Reminders);
    }

    [Fact]
    public async Task ReleaseClearsTheOwnerSetsTheRetryTimeAndCountsTheAttempt()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        var claimed = Assert.Single(await ClaimAsync(T0, LeaseNow));
        var retryAfter = LeaseNow + TimeSpan.FromMinutes(1);

        await Store.ReleaseRemindersAsync([claimed], retryAfter, None);

        var released = Assert.Single(await Store.ListRemindersAsync(Grain(), None));
        Assert.Equal(claimed with { LeaseOwner = null, LeaseUntil = retryAfter, Attempts = 1 }, released);
        Assert.Empty(await ClaimAsync(T0, retryAfter - TimeSpan.FromSeconds(1), owner: "silo-b"));
        var retried = Assert.Single(await ClaimAsync(T0, retryAfter + TimeSpan.FromSeconds(1), owner: "silo-b"));
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(claimed.Version, retried.Version);

        await Store.ReleaseRemindersAsync([retried], retryAfter + TimeSpan.FromMinutes(5), None);
        Assert.Equal(2, Assert.Single(await Store.ListRemindersAsync(Grain(), None)).Attempts);
    }

    [Fact]
    public async Task ReleaseOfARescheduledReminderChangesNothing()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);
        var claimed = Assert.Single(await ClaimAsync(T0, LeaseNow));
        await Store.WriteStateAsync(Write(Grain(), 1, "{}", Schedule("expire", T0.AddHours(1))), None);
        var rescheduled = Assert.Single(await Store.ListRemindersAsync(Grain(), None));

        await Store.ReleaseRemindersAsync([claimed], LeaseNow.AddHours(1), None);

        Assert.Equal(rescheduled, Assert.Single(await Store.ListRemindersAsync(Grain(), None)));
    }

    [Fact]
    public async Task FarFutureDueTimesAreKeptExactlyAndNotClaimedEarly()
    {
        var year2150 = new DateTimeOffset(2150, 6, 30, 23, 59, 59, 123, TimeSpan.Zero);
        var year2500 = new DateTimeOffset(2500, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("far", year2150), Schedule("farther", year2500)), None);

        Assert.Equal([year2150, year2500], (await Store.ListRemindersAsync(Grain(), None)).Select(r => r.DueAt));
        Assert.Equal(year2150, await Store.NextReminderDueAsync(None));
        Assert.Empty(await ClaimAsync(T0.AddYears(100), LeaseNow));
        Assert.Equal("far", Assert.Single(await ClaimAsync(year2150, LeaseNow)).Name);
    }

    [Fact]
    public async Task NextReminderDueIsTheEarliestDueTimeIncludingLeasedReminders()
    {
        Assert.Null(await Store.NextReminderDueAsync(None));
        await Store.WriteStateAsync(Write(Grain("u1"), 0, "{}", Schedule("a", T0.AddHours(3))), None);
        await Store.WriteStateAsync(Write(Grain("u2"), 0, "{}", Schedule("b", T0.AddHours(1)), Schedule("c", T0.AddHours(2))), None);

        Assert.Single(await ClaimAsync(T0.AddHours(1), LeaseNow));

        Assert.Equal(T0.AddHours(1), await Store.NextReminderDueAsync(None));
    }

    [Fact]
    public async Task ListRemindersReturnsOnlyThatGrainsRemindersInDueOrder()
    {
        await Store.WriteStateAsync(Write(Grain("u1"), 0, "{}", Schedule("z", T0.AddHours(1)), Schedule("a", T0.AddHours(3)), Schedule("m", T0)), None);
        await Store.WriteStateAsync(Write(Grain("u1", type: "board"), 0, "{}", Schedule("x", T0)), None);

        Assert.Equal(["m", "z", "a"], (await Store.ListRemindersAsync(Grain("u1"), None)).Select(r => r.Name));
        Assert.Equal(["x"], (await Store.ListRemindersAsync(Grain("u1", type: "board"), None)).Select(r => r.Name));
        Assert.Empty(await Store.ListRemindersAsync(Grain("u2"), None));
    }

    [Fact]
    public async Task GrainTypeAndKeyTogetherIdentifyTheState()
    {
        await Store.WriteStateAsync(Write(Grain("k", type: "unit"), 0, """{"t":"unit"}"""), None);
        await Store.WriteStateAsync(Write(Grain("k", type: "board"), 0, """{"t":"board"}"""), None);

        Assert.Equal("""{"t":"unit"}""", (await Store.ReadStateAsync(Grain("k", type: "unit"), None))!.StateJson);
        Assert.Equal("""{"t":"board"}""", (await Store.ReadStateAsync(Grain("k", type: "board"), None))!.StateJson);
    }

    [Fact]
    public async Task CountReportsStatesAuditEventsAndReminders()
    {
        await Store.WriteStateAsync(Write(Grain("u1"), 0, "{}", Schedule("a", T0), Schedule("b", T0)), None);
        await Store.WriteStateAsync(Write(Grain("u1"), 1, "{}", Cancel("a")), None);
        await Store.WriteStateAsync(Write(Grain("u2"), 0, "{}"), None);

        Assert.Equal(new StoreCounts(2, 3, 1), await Store.CountAsync(None));
    }

    [Fact]
    public async Task InstantsRoundTripAsTheSameMoment()
    {
        var (at, due) = await WriteInstantsWithOffsetsAsync();

        Assert.Equal(at, Assert.Single(await Store.ReadAuditAsync(Grain(), None)).At);
        Assert.Equal(due, Assert.Single(await Store.ListRemindersAsync(Grain(), None)).DueAt);
    }

    /// <summary>Microsecond-precise instants with non-UTC offsets (PostgreSQL keeps microseconds).</summary>
    protected async Task<(DateTimeOffset At, DateTimeOffset Due)> WriteInstantsWithOffsetsAsync()
    {
        var at = new DateTimeOffset(2025, 3, 1, 10, 15, 30, TimeSpan.FromHours(2)).AddTicks(1234560);
        var due = new DateTimeOffset(2025, 3, 2, 7, 0, 0, TimeSpan.FromHours(-5)).AddTicks(10);
        var audit = new AuditEvent(Grain(), 0, at, "lead:ada-7", "Open", "ok", null);
        await Store.WriteStateAsync(new StateWrite(Grain(), 0, "{}", audit, [Schedule("expire", due)]), None);
        return (at, due);
    }

    [Fact]
    public async Task ConcurrentWritesExpectingTheSameVersionLetExactlyOneWin()
    {
        var attempts = Enumerable.Range(0, 16)
            .Select(i => Task.Run(() => Store.WriteStateAsync(Write(Grain(), 0, $$"""{"writer":{{i}}}"""), None)))
            .ToArray();
        await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        var winners = attempts.Where(a => a.IsCompletedSuccessfully).ToList();
        _ = Assert.Single(winners);
        Assert.All(attempts.Where(a => !a.IsCompletedSuccessfully), a => Assert.IsType<StaleStateException>(a.Exception!.InnerException));
        Assert.Single(await Store.ReadAuditAsync(Grain(), None));
        Assert.Equal(1, await Store.ReadVersionAsync(Grain(), None));
    }

    [Fact]
    public async Task StaleWritesAmongConcurrentWritesFailAlone()
    {
        var grains = Enumerable.Range(0, 50).Select(i => Grain($"u{i}")).ToArray();
        await Task.WhenAll(grains.Select(g => Task.Run(() => Store.WriteStateAsync(Write(g, 0, "{}", Schedule("a", T0)), None))));

        var valid = grains.Select(g => Task.Run(() => Store.WriteStateAsync(Write(g, 1, """{"n":2}""", Schedule("b", T0)), None))).ToArray();
        var stale = grains.Select(g => Task.Run(() => Store.WriteStateAsync(Write(g, 5, """{"n":6}""", Cancel("a")), None))).ToArray();
        await Task.WhenAll(valid);
        foreach (var write in stale) await Assert.ThrowsAsync<StaleStateException>(() => write);

        Assert.All(valid, v => Assert.Equal(2, v.Result));
        Assert.Equal(new StoreCounts(50, 100, 100), await Store.CountAsync(None));
        foreach (var grain in grains) Assert.Equal(new StoredState("""{"n":2}""", 2), await Store.ReadStateAsync(grain, None));
    }

    [Fact]
    public async Task InitializeIsIdempotent()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, "{}", Schedule("expire", T0)), None);

        await Store.InitializeAsync(None);
        await Store.InitializeAsync(None);
        var second = await OpenStoreAsync();

        Assert.Equal(new StoreCounts(1, 1, 1), await second.CountAsync(None));
        Assert.Equal(2, await second.WriteStateAsync(Write(Grain(), 1, "{}"), None));
    }

    /// <summary>For the in-memory store "the same storage" is the shared instance; for SQL engines it is the database.</summary>
    [Fact]
    public async Task CommittedDataSurvivesReopeningTheStore()
    {
        await Store.WriteStateAsync(Write(Grain(), 0, """{"n":1}""", Schedule("expire", T0), Schedule("remind", T0.AddDays(1))), None);
        await Store.WriteStateAsync(Write(Grain(), 1, """{"n":2}"""), None);
        var claimed = Assert.Single(await ClaimAsync(T0, LeaseNow));
        await Store.CompleteRemindersAsync([claimed], None);
        var reminders = await Store.ListRemindersAsync(Grain(), None);
        var audit = await Store.ReadAuditAsync(Grain(), None);
        await Store.DisposeAsync();

        var reopened = await OpenStoreAsync();

        Assert.Equal(new StoredState("""{"n":2}""", 2), await reopened.ReadStateAsync(Grain(), None));
        Assert.Equal(audit, await reopened.ReadAuditAsync(Grain(), None));
        Assert.Equal(reminders, await reopened.ListRemindersAsync(Grain(), None));
        await reopened.WriteStateAsync(Write(Grain(), 2, "{}", Schedule("expire", T0)), None);
        var versions = (await reopened.ListRemindersAsync(Grain(), None)).Select(r => r.Version).ToList();
        Assert.True(versions.Max() > claimed.Version && versions.Max() > reminders.Max(r => r.Version), "reminder versions keep increasing");
    }

    [Fact]
    public async Task PingSucceedsOnAReachableStore() => await Store.PingAsync(None);
}
