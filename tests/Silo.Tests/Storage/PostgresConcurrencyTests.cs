using System.Collections.Concurrent;
using System.Text.Json;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Tests.Support;

namespace OrleansTilsyn.Silo.Tests.Storage;

/// <summary>Two store instances on one database behave as two silos sharing PostgreSQL.</summary>
public sealed class PostgresConcurrencyTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ConflictingReadModifyWriteFromTwoSilosLosesNoUpdate()
    {
        const int Commands = 10_000;
        const int Grains = 8;
        const int WorkersPerSilo = 8;
        await using var silos = await TwoSilosAsync();
        var next = 0;
        var staleRetries = 0;

        async Task WorkAsync(IGrainStore store)
        {
            while (Interlocked.Increment(ref next) is var ticket && ticket <= Commands)
            {
                var grain = new GrainId("counter", $"c{ticket % Grains}");
                while (true)
                {
                    var stored = await store.ReadStateAsync(grain, None);
                    var count = stored is null ? 0 : JsonDocument.Parse(stored.StateJson).RootElement.GetProperty("count").GetInt32();
                    var audit = new AuditEvent(grain, 0, T0, "system", "Increment", "ok", $"ticket {ticket}");
                    try
                    {
                        await store.WriteStateAsync(new StateWrite(grain, stored?.Version ?? 0, $$"""{"count":{{count + 1}}}""", audit, []), None);
                        break;
                    }
                    catch (StaleStateException)
                    {
                        Interlocked.Increment(ref staleRetries);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, WorkersPerSilo)
            .SelectMany(_ => new[] { Task.Run(() => WorkAsync(silos.A)), Task.Run(() => WorkAsync(silos.B)) }));

        var total = 0;
        for (var i = 0; i < Grains; i++)
        {
            var stored = (await silos.A.ReadStateAsync(new GrainId("counter", $"c{i}"), None))!;
            var count = JsonDocument.Parse(stored.StateJson).RootElement.GetProperty("count").GetInt32();
            Assert.Equal(count, stored.Version);
            total += count;
        }

        Assert.Equal(Commands, total);
        Assert.Equal(new StoreCounts(Grains, Commands, 0), await silos.B.CountAsync(None));
        Assert.True(staleRetries > 0, "the silos should have collided at least once");
    }

    [Fact]
    public async Task TwoClaimersRacingForDueRemindersClaimEachExactlyOnce()
    {
        await using var silos = await TwoSilosAsync();
        await SeedRemindersAsync(silos.A, grains: 100, perGrain: 20);
        var leaseNow = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var claims = new ConcurrentBag<(string Owner, ReminderRow Row)>();

        async Task ClaimAllAsync(IGrainStore store, string owner)
        {
            while (await store.ClaimDueRemindersAsync(T0.AddDays(1), leaseNow, TimeSpan.FromMinutes(5), owner, 25, None) is { Count: > 0 } batch)
            {
                foreach (var row in batch) claims.Add((owner, row));
            }
        }

        await Task.WhenAll(Task.Run(() => ClaimAllAsync(silos.A, "silo-a")), Task.Run(() => ClaimAllAsync(silos.B, "silo-b")));

        Assert.Equal(2000, claims.Count);
        Assert.Equal(2000, claims.Select(c => (c.Row.Grain, c.Row.Name)).Distinct().Count());
        Assert.All(claims, c => Assert.Equal(c.Owner, c.Row.LeaseOwner));
        Assert.Empty(await silos.B.ClaimDueRemindersAsync(T0.AddDays(1), leaseNow.AddMinutes(4), TimeSpan.FromMinutes(5), "silo-c", 100, None));
        var stored = await silos.A.ListRemindersAsync(claims.First().Row.Grain, None);
        Assert.All(stored, row => Assert.Equal(claims.Single(c => c.Row.Grain == row.Grain && c.Row.Name == row.Name).Owner, row.LeaseOwner));
    }

    [Fact]
    public async Task RemindersOfASiloThatDiedAreReclaimedByAnotherAfterTheLeaseExpires()
    {
        await using var silos = await TwoSilosAsync();
        await SeedRemindersAsync(silos.A, grains: 10, perGrain: 10);
        var lease = TimeSpan.FromSeconds(1);

        var dead = await silos.A.ClaimDueRemindersAsync(T0.AddDays(1), TimeProvider.System.GetUtcNow(), lease, "silo-a", 1000, None);
        Assert.Equal(100, dead.Count);
        Assert.Empty(await silos.B.ClaimDueRemindersAsync(T0.AddDays(1), TimeProvider.System.GetUtcNow(), lease, "silo-b", 1000, None));

        var leaseEnd = dead.Max(r => r.LeaseUntil!.Value);
        while (TimeProvider.System.GetUtcNow() <= leaseEnd) await Task.Delay(100);
        var reclaimed = await silos.B.ClaimDueRemindersAsync(T0.AddDays(1), TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5), "silo-b", 1000, None);

        Assert.Equal(dead.Select(r => $"{r.Grain}/{r.Name}@{r.Version}").Order(), reclaimed.Select(r => $"{r.Grain}/{r.Name}@{r.Version}").Order());
        Assert.All(reclaimed, r => Assert.Equal("silo-b", r.LeaseOwner));
        await silos.B.CompleteRemindersAsync(reclaimed, None);
        Assert.Equal(0, (await silos.A.CountAsync(None)).Reminders);
    }

    [Fact]
    public async Task CompletingRemindersWhileTheirGrainReschedulesThemNeverDeadlocks()
    {
        await using var silos = await TwoSilosAsync();
        var version = 0L;
        for (var round = 0; round < 200; round++)
        {
            var grain = new GrainId("unit", $"u{round % 4}");
            var names = Enumerable.Range(0, 6).Select(i => $"r{i}").ToArray();
            var audit = new AuditEvent(grain, 0, T0, "system", "Schedule", "ok", null);
            version = round < 4 ? 0 : await silos.A.ReadVersionAsync(grain, None);
            await silos.A.WriteStateAsync(new StateWrite(grain, version, "{}", audit,
                names.Select(n => (ReminderChange)new ReminderChange.Schedule(n, T0)).ToList()), None);
            var delivered = await silos.B.ListRemindersAsync(grain, None);

            // The grain reschedules its reminders in the reverse order while the other silo completes them.
            var reschedule = silos.A.WriteStateAsync(new StateWrite(grain, version + 1, "{}", audit,
                names.Reverse().Select(n => (ReminderChange)new ReminderChange.Schedule(n, T0.AddHours(1))).ToList()), None);
            var complete = silos.B.CompleteRemindersAsync(delivered.Reverse().ToList(), None);
            await Task.WhenAll(reschedule, complete);
        }
    }

    private static async Task SeedRemindersAsync(IGrainStore store, int grains, int perGrain)
    {
        await Task.WhenAll(Enumerable.Range(0, grains).Select(g => Task.Run(async () =>
        {
            var grain = new GrainId("unit", $"u{g}");
            var reminders = Enumerable.Range(0, perGrain)
                .Select(r => (ReminderChange)new ReminderChange.Schedule($"r{r}", T0.AddSeconds(g * perGrain + r)))
                .ToList();
            var audit = new AuditEvent(grain, 0, T0, "system", "Seed", "ok", null);
            await store.WriteStateAsync(new StateWrite(grain, 0, "{}", audit, reminders), None);
        })));
    }

    private async Task<Silos> TwoSilosAsync()
    {
        var connectionString = await database.CreateSchemaAsync();
        var a = new PostgresGrainStore(connectionString);
        var b = new PostgresGrainStore(connectionString);
        await Task.WhenAll(a.InitializeAsync(None), b.InitializeAsync(None));
        return new Silos(a, b);
    }

    private sealed record Silos(IGrainStore A, IGrainStore B) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }
}
