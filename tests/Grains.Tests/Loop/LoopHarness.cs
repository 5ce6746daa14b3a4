using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Grains.Common;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Silo.Audit;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.TestSupport;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>Where the harness's grain state is kept; reminder rows and the audit log are always in memory shared by the silos.</summary>
public enum LoopStore
{
    /// <summary>The test host's shared memory stores: they survive killing and restarting silos.</summary>
    Memory,

    /// <summary>The project's Orleans SQLite grain storage on a temp file, deleted with the harness.</summary>
    Sqlite,
}

/// <summary>
/// An Orleans test cluster (<see cref="OrleansTestHost"/>: 1 or 2 silos on a fake clock that every reminder tick is
/// delivered on, state and reminder rows that outlive any silo, one audit log shared by the silos) with a handful of
/// synthetic units: one per sector, one self-owned and one special daycare, under two chiefs. Calls are made as a
/// person through <see cref="As{T}"/>, through the grain factory of a silo (as the co-hosted gateway calls).
/// </summary>
internal sealed class LoopHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2023, 3, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The agenda's heartbeat in the harness. Every wake reminder ticks at its grain's next due item; the heartbeat (a
    /// safety net) only adds ticks in between, each one a stop of the fake clock, so a long one keeps years of loop fast.
    /// </summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromDays(14);

    public const string UnitsCsv = """
        id,name,sector,chief,leader,board,selfOwned,special,parent
        dt-1,Dagtilbud Egebakken,dagtilbud,chief-a,leder-dt-1,bestyrelse-dt-1,false,false,
        dt-1.1,Egebakken Nord,,,,,,,dt-1
        sk-1,Bøgelunden Skole,skole,chief-a,leder-sk-1,bestyrelse-sk-1,false,false,
        fu-1,FU Lærkereden,fu,chief-b,leder-fu-1,bestyrelse-fu-1,false,false,
        dt-self,Dagtilbud Havbrisen,dagtilbud,chief-b,leder-dt-self,bestyrelse-dt-self,true,false,
        dt-special,Specialdagtilbud Solsikken,dagtilbud,chief-a,leder-dt-special,bestyrelse-dt-special,false,true,
        """;

    public static readonly string[] UnitIds = ["dt-1", "sk-1", "fu-1", "dt-self", "dt-special"];
    public static readonly CallerIdentity Admin = Person("forvaltning-1", "administration");

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private static readonly TimeSpan RefreshPause = TimeSpan.FromMilliseconds(5);

    private readonly SqliteTestDatabase? _sqlite;

    private LoopHarness(OrleansTestHost host, MemoryAuditLog audit, StateSpy spy, SqliteTestDatabase? sqlite)
    {
        Host = host;
        Audit = audit;
        Spy = spy;
        _sqlite = sqlite;
    }

    public OrleansTestHost Host { get; }

    /// <summary>The audit log every silo appends to.</summary>
    public MemoryAuditLog Audit { get; }

    /// <summary>State writes and the committing grains' stored agendas.</summary>
    public StateSpy Spy { get; }

    /// <summary>The grain factory of the first running silo.</summary>
    public IGrainFactory Grains => GrainsOf(0);

    public DateTimeOffset Now => Host.Clock.GetUtcNow();

    /// <summary>
    /// A cluster of <paramref name="silos"/> silos with grain state in <paramref name="store"/>, whose domain clock starts
    /// at <paramref name="start"/> (default <see cref="Start"/>); <paramref name="configure"/> adds services to every silo.
    /// </summary>
    public static async Task<LoopHarness> StartAsync(
        int silos = 1, LoopStore store = LoopStore.Memory, DateTimeOffset? start = null, Action<IServiceCollection>? configure = null)
    {
        var audit = new MemoryAuditLog();
        var spy = new StateSpy();
        var sqlite = store == LoopStore.Sqlite ? new SqliteTestDatabase() : null;
        try
        {
            var host = await OrleansTestHost.StartAsync(options =>
            {
                options.Silos = silos;
                options.Start = start ?? Start;
                options.ConfigureServices = services =>
                {
                    services.AddSingleton<IAuditLog>(audit);
                    services.AddCommittingGrains(o => o.Heartbeat = Heartbeat);
                    services.AddStoredAsJsonSerialization();
                    if (sqlite is not null)
                    {
                        // As the embedded default stores state: Orleans' own serializer naming types by their [Alias].
                        services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>());
                        services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, o => o.FilePath = sqlite.FilePath);
                    }

                    services.DecorateKeyed<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (_, inner) => spy.Wrap(inner));
                    configure?.Invoke(services);
                };
            });
            return new LoopHarness(host, audit, spy, sqlite);
        }
        catch
        {
            sqlite?.Dispose();
            throw;
        }
    }

    /// <summary>A test person acting in <paramref name="role"/> as <paramref name="id"/> (person id and role id alike).</summary>
    public static CallerIdentity Person(string id, string role) => new(id, $"Testperson {id}", role, id);

    public static CallerIdentity Chief(string id) => Person(id, "chief");

    public static CallerIdentity Leader(string unit) => Person($"leder-{unit}", "leader");

    public static CallerIdentity Board(string unit) => Person($"bestyrelse-{unit}", "board");

    public static string ChiefOf(string unit) => unit is "fu-1" or "dt-self" ? "chief-b" : "chief-a";

    /// <summary>The holder of the unit's samtaler: its chief, or its board when self-owned.</summary>
    public static CallerIdentity Holder(string unit) => unit == "dt-self" ? Board(unit) : Chief(ChiefOf(unit));

    /// <summary>How the audit names the person behind <paramref name="caller"/>.</summary>
    public static AuditActor Audited(CallerIdentity caller) => AuditActor.From(caller);

    /// <summary>The grain factory of the <paramref name="silo"/>th running silo (what a gateway co-hosted with it uses).</summary>
    public IGrainFactory GrainsOf(int silo) => OrleansTestHost.GrainFactoryOf(Host.Silos[silo]);

    public async Task<T> As<T>(CallerIdentity caller, Func<IGrainFactory, Task<T>> call)
    {
        using (CallerContext.As(caller)) return await call(Grains);
    }

    public async Task<T> Ok<T>(CallerIdentity caller, Func<IGrainFactory, Task<Result<T>>> call)
    {
        var result = await As(caller, call);
        return result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success as {caller}: {result.Problem}");
    }

    public IUnitGrain Unit(string id) => Grains.GetGrain<IUnitGrain>(id);

    /// <summary>Themes for every loop the test runs through, then the units (CSV import through the directory).</summary>
    public async Task SeedAsync()
    {
        foreach (var loop in new[] { "0-6/2021", "0-6/2023", "0-6/2025", "6-18/2022", "6-18/2024", "6-18/2026" })
            await Ok(Admin, g => g.GetGrain<IAreaGrain>(loop).SetThemesAsync([new("TRIVSEL", "Trivsel og fællesskaber"), new("SPROG", "Sprog")]));
        var summary = await Ok(Admin, g => g.GetGrain<IOrganisationGrain>(GrainKeys.Singleton).ImportUnitsAsync(UnitsCsv));
        Assert.Equal((5, 5, 2), (summary.Units, summary.Created, summary.Chiefs));
        Assert.Empty(summary.NotRegistered);
        // Items already due when a unit registered wake it at once: Orleans arms a reminder due now for the next
        // millisecond, so the harness moves the clock on by that much (the old harness delivered what was due).
        await Host.AdvanceAsync(TimeSpan.FromMilliseconds(1));
    }

    /// <summary>
    /// Moves the fake clock to <paramref name="instant"/> (if later), delivering every reminder tick on its time. Moves a
    /// day at a time and gives the silos' reminder services a moment of real time after each day: their periodic refresh
    /// of the reminder table (on the fake clock, one fake day apart) is what loads a wake reminder registered beyond the
    /// loading window once its tick comes near, and the host cannot see that refresh finish.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset instant)
    {
        while (Now < instant)
        {
            var step = instant - Now < OneDay ? instant - Now : OneDay;
            await Host.AdvanceAsync(step);
            await Task.Delay(RefreshPause);
        }

        await Host.RemindersSettledAsync();
    }

    /// <summary>The audit events of the grain of <paramref name="type"/> and <paramref name="key"/> ("unit", "dt-1"), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditOf(string type, string key)
    {
        var events = new List<AuditEvent>();
        long? after = 0;
        while (after is { } from)
        {
            var page = await Audit.ReadAsync($"{type}/{key}", from, AuditRules.PageMaxSize, default);
            events.AddRange(page.Events);
            after = page.NextAfterVersion;
        }

        return events;
    }

    /// <summary>The agenda a committing grain last stored.</summary>
    public Agenda AgendaOf(string type, string key) => Spy.AgendaOf(GrainId.Create(type, key));

    /// <summary>Kills the <paramref name="silo"/>th running silo (a crash: no deactivation) and starts a new one in its place.</summary>
    public async Task KillAndRestartSiloAsync(int silo)
    {
        await Host.KillSiloAsync(Host.Silos[silo]);
        await Host.StartSiloAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _sqlite?.Dispose();
    }
}
