using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Testing;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// A test cluster on a manual clock with a handful of synthetic units: one per sector, one self-owned
/// and one special daycare, under two chiefs. Calls are made as a person through <see cref="As{T}"/>.
/// </summary>
internal sealed class LoopHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2023, 3, 30, 12, 0, 0, TimeSpan.Zero);

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
    public static readonly Actor Admin = new("forvaltning-1", "administration");

    private LoopHarness(TestCluster cluster, ManualClock realTime)
    {
        Cluster = cluster;
        RealTime = realTime;
    }

    public TestCluster Cluster { get; }

    /// <summary>The infrastructure clock (leases), moved by hand when a test needs a lease to expire.</summary>
    public ManualClock RealTime { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public DateTimeOffset Now => Cluster.Clock.GetUtcNow();

    /// <summary>A cluster on <paramref name="store"/> whose domain clock starts at <paramref name="start"/> (default <see cref="Start"/>).</summary>
    public static async Task<LoopHarness> StartAsync(
        int silos = 1, Func<IGrainStore>? store = null, DateTimeOffset? start = null, Action<SiloOptions>? configure = null)
    {
        var realTime = new ManualClock(new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var cluster = await TestCluster.StartAsync(silos, store ?? (() => new InMemoryGrainStore()), new ManualClock(start ?? Start),
            o =>
            {
                o.InfrastructureTime = realTime;
                configure?.Invoke(o);
            });
        return new LoopHarness(cluster, realTime);
    }

    public static Actor Chief(string id) => new(id, "chief");

    public static Actor Leader(string unit) => new($"leder-{unit}", "leader");

    public static Actor Board(string unit) => new($"bestyrelse-{unit}", "board");

    public static string ChiefOf(string unit) => unit is "fu-1" or "dt-self" ? "chief-b" : "chief-a";

    /// <summary>The holder of the unit's samtaler: its chief, or its board when self-owned.</summary>
    public static Actor Holder(string unit) => unit == "dt-self" ? Board(unit) : Chief(ChiefOf(unit));

    public async Task<T> As<T>(Actor actor, Func<IGrainFactory, Task<T>> call)
    {
        using (CallContext.As(actor)) return await call(Grains);
    }

    public async Task<T> Ok<T>(Actor actor, Func<IGrainFactory, Task<Result<T>>> call)
    {
        var result = await As(actor, call);
        return result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success as {actor}: {result.Problem}");
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
        await Cluster.DeliverDueAsync();
    }

    public Task AdvanceToAsync(DateTimeOffset instant) => Cluster.AdvanceToAsync(instant);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
