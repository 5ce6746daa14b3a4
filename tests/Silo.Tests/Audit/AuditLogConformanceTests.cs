using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Audit;
using AuditEvent = OrleansTilsyn.Grains.Audit.AuditEvent;

namespace OrleansTilsyn.Silo.Tests.Audit;

/// <summary>
/// What every audit log must do, run once per engine. Each test opens a log and names its grains with a prefix of its
/// own, so engines whose tests share a store (Azurite: one table per class) never see each other's rows.
/// </summary>
public abstract class AuditLogConformanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 15, 30, TimeSpan.FromHours(1));
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..8] + ":";

    protected static readonly AuditActor Leader = new("sub-4711", "Mette Leder", "leader", "leader-17", null);

    protected IAuditLog Log { get; private set; } = null!;

    protected abstract Task<IAuditLog> OpenAsync();

    protected virtual Task CloseAsync(IAuditLog log) => log is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    public async Task InitializeAsync() => Log = await OpenAsync();

    public Task DisposeAsync() => CloseAsync(Log);

    protected string Grain(string name = "unit/dt-aadalen") => _prefix + name;

    protected static AuditEvent Event(string grain, long version, string command = "RecordMinutes", string? detail = null, AuditActor? actor = null) =>
        new(grain, version, Start.AddSeconds(version % 86_400).AddTicks(version % 9_999_991), actor ?? Leader, command, "ok", detail);

    protected async Task<IReadOnlyList<AuditEvent>> ReadAllAsync(string grain)
    {
        var page = await Log.ReadAsync(grain, 0, AuditRules.PageMaxSize, CancellationToken.None);
        Assert.Null(page.NextAfterVersion);
        return page.Events;
    }

    [Fact]
    public async Task AppendedEventsReadBackWithEveryField()
    {
        var grain = Grain();
        var byChief = Event(grain, 1, "StartConversation", detail: "version 1",
            actor: AuditActor.From(new CallerIdentity("sub-1", "Kim Chef", "chief", "chief-3", "unit/dt-aadalen's leader")));
        var bySystem = Event(grain, 2, "OpenWindow", detail: null, actor: AuditActor.System);

        await Log.AppendAsync(byChief, CancellationToken.None);
        await Log.AppendAsync(bySystem, CancellationToken.None);

        var events = await ReadAllAsync(grain);
        Assert.Equal([byChief, bySystem], events);
        Assert.Equal("Kim Chef", events[0].Actor.DisplayName);
        Assert.Equal("unit/dt-aadalen's leader", events[0].Actor.OnBehalfOf);
        Assert.Equal("chief-3", events[0].Actor.RoleId);
        Assert.Equal("system", events[1].Actor.RoleId);
        Assert.Null(events[1].Detail);
        Assert.Null(events[1].Actor.OnBehalfOf);
        Assert.Equal(byChief.At, events[0].At);
        Assert.Equal(TimeSpan.Zero, events[0].At.Offset);
        Assert.Equal(2, await Log.CountAsync(grain, CancellationToken.None));
    }

    [Fact]
    public async Task UnicodeTextAndTheLongestDetailRoundTrip()
    {
        var grain = Grain("unit/børnehuset-ærø-Åby 🌻");
        var actor = new AuditActor("sub-ø", "Søren Ærøskøbing 👩‍🏫", "board", "bestyrelse-Ærø-🌻", "Ældrerådet");
        var detail = string.Concat(Enumerable.Repeat("Referat ændret: «æøå» – 🌻\n\t\u0001 ", 400))[..AuditRules.DetailMaxLength];
        var auditEvent = Event(grain, 1, "RetÅrshjul", detail, actor) with { Outcome = "godkendt ✓" };

        await Log.AppendAsync(auditEvent, CancellationToken.None);

        var stored = Assert.Single(await ReadAllAsync(grain));
        Assert.Equal(auditEvent, stored);
        Assert.Equal(detail, stored.Detail);
    }

    [Fact]
    public async Task AppendingTheSameEventAgainKeepsOne()
    {
        var grain = Grain();
        var auditEvent = Event(grain, 1, detail: "version 1");

        await Log.AppendAsync(auditEvent, CancellationToken.None);
        await Log.AppendAsync(auditEvent, CancellationToken.None);
        await Log.AppendAsync(auditEvent with { }, CancellationToken.None);

        Assert.Equal([auditEvent], await ReadAllAsync(grain));
        Assert.Equal(1, await Log.CountAsync(grain, CancellationToken.None));
    }

    [Fact]
    public async Task ADifferentEventUnderAStoredKeyIsRefusedAndTheFirstKept()
    {
        var grain = Grain();
        var first = Event(grain, 3, detail: "version 3", actor: Leader with { OnBehalfOf = "x" });
        await Log.AppendAsync(first, CancellationToken.None);
        AuditEvent[] different =
        [
            first with { Command = "Other" },
            first with { Outcome = "refused" },
            first with { Detail = null },
            first with { Detail = "version 3 " },
            first with { At = first.At.AddTicks(1) },
            first with { Actor = first.Actor with { PersonId = "sub-other" } },
            first with { Actor = first.Actor with { DisplayName = "Someone Else" } },
            first with { Actor = first.Actor with { Role = "chief" } },
            first with { Actor = first.Actor with { RoleId = "leader-18" } },
            first with { Actor = first.Actor with { OnBehalfOf = null } },
        ];

        foreach (var refused in different)
        {
            var conflict = await Assert.ThrowsAsync<AuditEventConflictException>(() => Log.AppendAsync(refused, CancellationToken.None));
            Assert.Equal(first, conflict.Stored);
            Assert.Equal(refused, conflict.Refused);
            Assert.Contains($"{grain} version 3", conflict.Message);
        }

        Assert.Equal([first], await ReadAllAsync(grain));
    }

    [Fact]
    public async Task PagesAreOldestFirstAfterTheGivenVersion()
    {
        var grain = Grain();
        // Gaps in the versions are allowed (not every state version need be audited); appended out of order.
        long[] versions = [1, 2, 3, 5, 8, 9, 10, 11, 12, 20, 21, 9_000_000_000];
        foreach (var version in versions.Reverse()) await Log.AppendAsync(Event(grain, version), CancellationToken.None);

        var pages = new List<IReadOnlyList<AuditEvent>>();
        long? after = 0;
        while (after is { } next)
        {
            var page = await Log.ReadAsync(grain, next, 5, CancellationToken.None);
            pages.Add(page.Events);
            after = page.NextAfterVersion;
        }

        Assert.Equal([5, 5, 2], pages.Select(p => p.Count));
        Assert.Equal(versions, pages.SelectMany(p => p).Select(e => e.Version));
        var middle = await Log.ReadAsync(grain, 5, 3, CancellationToken.None);
        Assert.Equal([8L, 9, 10], middle.Events.Select(e => e.Version));
        Assert.Equal(10, middle.NextAfterVersion);
        var exact = await Log.ReadAsync(grain, 12, 3, CancellationToken.None);
        Assert.Equal([20L, 21, 9_000_000_000], exact.Events.Select(e => e.Version));
        Assert.Null(exact.NextAfterVersion);
        Assert.Empty((await Log.ReadAsync(grain, 9_000_000_000, 5, CancellationToken.None)).Events);
        Assert.Equal(versions.Length, await Log.CountAsync(grain, CancellationToken.None));
    }

    [Fact]
    public async Task AFullPageOfTheMaximumSizeIsRead()
    {
        var grain = Grain();
        var events = Enumerable.Range(1, AuditRules.PageMaxSize + 1).Select(v => Event(grain, v)).ToArray();
        await Log.AppendAsync(events, CancellationToken.None);

        var first = await Log.ReadAsync(grain, 0, AuditRules.PageMaxSize, CancellationToken.None);
        var rest = await Log.ReadAsync(grain, first.NextAfterVersion!.Value, AuditRules.PageMaxSize, CancellationToken.None);

        Assert.Equal(events[..AuditRules.PageMaxSize], first.Events);
        Assert.Equal(AuditRules.PageMaxSize, first.NextAfterVersion);
        Assert.Equal([events[^1]], rest.Events);
        Assert.Null(rest.NextAfterVersion);
    }

    [Fact]
    public async Task AnUnknownGrainHasAnEmptyLog()
    {
        var page = await Log.ReadAsync(Grain("unit/unknown"), 0, 10, CancellationToken.None);

        Assert.Empty(page.Events);
        Assert.Null(page.NextAfterVersion);
        Assert.Equal(0, await Log.CountAsync(Grain("unit/unknown"), CancellationToken.None));
    }

    [Fact]
    public async Task GrainsAreKeptApartAlsoWhenTheirNamesDifferOnlyByAnEscapedCharacter()
    {
        // '/', '\', '#', '?' and control characters are escaped in Azure Table keys as '~' and two hex digits.
        string[] names = ["unit/a", "unit\\a", "unit#a", "unit?a", "unit~2Fa", "unit~a", "unit\u0001a", "unit\u007Fa",
            "unit%2Fa", "unit'a", "unit a", "unita", "unit/a/", "Unit/a"];
        var grains = names.Select(Grain).ToArray();
        for (var i = 0; i < grains.Length; i++)
        {
            await Log.AppendAsync(Enumerable.Range(1, i + 1).Select(v => Event(grains[i], v, command: $"Command{i}")).ToArray(), CancellationToken.None);
        }

        for (var i = 0; i < grains.Length; i++)
        {
            var events = await ReadAllAsync(grains[i]);
            Assert.Equal(i + 1, events.Count);
            Assert.All(events, e => Assert.Equal(grains[i], e.Grain));
            Assert.All(events, e => Assert.Equal($"Command{i}", e.Command));
            Assert.Equal(i + 1, await Log.CountAsync(grains[i], CancellationToken.None));
        }
    }

    [Fact]
    public async Task ConcurrentAppendsOfTheSameEventKeepOne()
    {
        var grain = Grain();
        var auditEvent = Event(grain, 1, detail: "outbox retried on two activations");

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Log.AppendAsync(auditEvent with { }, CancellationToken.None))));

        Assert.Equal([auditEvent], await ReadAllAsync(grain));
    }

    [Fact]
    public async Task OfConcurrentDifferentEventsUnderOneKeyExactlyOneIsStored()
    {
        var grain = Grain();
        var candidates = Enumerable.Range(0, 12).Select(i => Event(grain, 1, command: $"Writer{i}")).ToArray();

        var outcomes = await Task.WhenAll(candidates.Select(e => Task.Run(async () =>
        {
            try
            {
                await Log.AppendAsync(e, CancellationToken.None);
                return (Event: e, Conflict: (AuditEventConflictException?)null);
            }
            catch (AuditEventConflictException conflict)
            {
                return (Event: e, Conflict: conflict);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Conflict is null).Event;
        Assert.All(outcomes.Where(o => o.Conflict is not null), o => Assert.Equal(winner, o.Conflict!.Stored));
        Assert.Equal([winner], await ReadAllAsync(grain));
    }

    [Fact]
    public async Task ABatchAppendsWhatIsNewAndSkipsWhatIsStored()
    {
        var unit = Grain();
        var other = Grain("document/dt-aadalen/minutes/1");
        var stored = Event(unit, 1);
        await Log.AppendAsync(stored, CancellationToken.None);
        AuditEvent[] batch = [Event(unit, 3), stored, Event(other, 1), Event(unit, 2), Event(unit, 3), Event(other, 2)];

        await Log.AppendAsync(batch, CancellationToken.None);
        await Log.AppendAsync(batch, CancellationToken.None);

        Assert.Equal([1L, 2, 3], (await ReadAllAsync(unit)).Select(e => e.Version));
        Assert.Equal([Event(other, 1), Event(other, 2)], await ReadAllAsync(other));
    }

    [Fact]
    public async Task ABatchWithAConflictIsRefusedAndTheStoredEventKept()
    {
        var grain = Grain();
        var stored = Event(grain, 2);
        await Log.AppendAsync(stored, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<AuditEventConflictException>(() =>
            Log.AppendAsync([Event(grain, 1), stored with { Command = "Other" }, Event(grain, 3)], CancellationToken.None));

        Assert.Equal(stored, conflict.Stored);
        Assert.Contains(stored, await ReadAllAsync(grain));
        Assert.DoesNotContain(await ReadAllAsync(grain), e => e.Command == "Other");
    }

    [Fact]
    public async Task ABatchNamingOneKeyWithTwoEventsIsRefusedBeforeAnythingIsStored()
    {
        var grain = Grain();

        await Assert.ThrowsAsync<AuditEventConflictException>(() =>
            Log.AppendAsync([Event(grain, 1), Event(grain, 2), Event(grain, 1, command: "Other")], CancellationToken.None));

        Assert.Empty(await ReadAllAsync(grain));
    }

    [Fact]
    public async Task InvalidInputIsRefused()
    {
        var valid = Event(Grain(), 1);
        var ct = CancellationToken.None;

        Assert.Throws<ArgumentException>(() => valid with { Grain = "" });
        Assert.Throws<ArgumentException>(() => valid with { Grain = "  " });
        Assert.Throws<ArgumentNullException>(() => valid with { Grain = null! });
        Assert.Throws<ArgumentException>(() => valid with { Grain = new string('g', AuditRules.GrainMaxLength + 1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => valid with { Version = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuditEvent("unit/a", -1, valid.At, Leader, "C", "ok", null));
        Assert.Throws<ArgumentException>(() => new AuditEvent("", 1, valid.At, Leader, "C", "ok", null));
        Assert.Throws<ArgumentNullException>(() => valid with { Actor = null! });
        Assert.Throws<ArgumentException>(() => valid with { Command = "" });
        Assert.Throws<ArgumentException>(() => valid with { Outcome = " " });
        Assert.Throws<ArgumentException>(() => valid with { Detail = new string('d', AuditRules.DetailMaxLength + 1) });
        Assert.Throws<ArgumentException>(() => valid with { Detail = "nul \0 inside" });
        Assert.Throws<ArgumentException>(() => valid with { Detail = "lone \uD800 surrogate" });
        Assert.Throws<ArgumentException>(() => Leader with { PersonId = "" });
        Assert.Throws<ArgumentException>(() => Leader with { DisplayName = new string('n', AuditRules.TextMaxLength + 1) });
        Assert.Throws<ArgumentException>(() => new AuditActor("sub", "Name", "", "leader-17", null));
        Assert.Throws<ArgumentException>(() => Leader with { RoleId = " " });
        Assert.Throws<ArgumentNullException>(() => new AuditActor("sub", "Name", "leader", null!, null));
        Assert.Throws<ArgumentException>(() => Leader with { RoleId = new string('r', AuditRules.TextMaxLength + 1) });
        Assert.Null((valid with { Detail = "" }).Detail);

        await Assert.ThrowsAsync<ArgumentNullException>(() => Log.AppendAsync((AuditEvent)null!, ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Log.AppendAsync((IReadOnlyList<AuditEvent>)null!, ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Log.AppendAsync([valid, null!], ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.ReadAsync("", 0, 10, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ReadAsync(valid.Grain, -1, 10, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ReadAsync(valid.Grain, 0, 0, ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ReadAsync(valid.Grain, 0, AuditRules.PageMaxSize + 1, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Log.CountAsync(" ", ct));
        Assert.Empty(await ReadAllAsync(valid.Grain));
    }
}
