using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Reminders;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>
/// The simulator's silos: one, or several in this process on the one store (as silos of a cluster on one
/// PostgreSQL database: reads revalidated, optimistic writes). A grain key always goes to the same silo, so the
/// people of a unit call one silo, while grains called from other grains may be active on several.
/// </summary>
internal sealed class SimulatedSilos : IGrainFactory, IAsyncDisposable
{
    private readonly TilsynSilo[] _silos;

    private SimulatedSilos(TilsynSilo[] silos) => _silos = silos;

    public IGrainFactory GrainFactory => _silos.Length == 1 ? _silos[0].GrainFactory : this;

    public IReadOnlyList<ReminderService> Reminders => [.. _silos.Select(s => s.Reminders)];

    public static async Task<SimulatedSilos> StartAsync(int count, int parallelism, IGrainStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var silos = new List<TilsynSilo>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var options = new SiloOptions
                {
                    SiloName = count == 1 ? "simulator" : $"simulator-{i + 1}",
                    PollReminders = false,
                    ReminderConcurrency = parallelism,
                    ReminderBatchSize = 4096,
                    RevalidateReads = count > 1,
                    // A batch run: the import of all units is one call, which takes minutes on a busy machine with PostgreSQL.
                    CallTimeout = TimeSpan.FromMinutes(10),
                };
                silos.Add(await TilsynSilo.StartAsync(options, store, clock, cancellationToken));
            }
        }
        catch
        {
            foreach (var silo in silos) await silo.DisposeAsync();
            throw;
        }

        return new SimulatedSilos([.. silos]);
    }

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        _silos[(int)((uint)StableHash(key) % (uint)_silos.Length)].GrainFactory.GetGrain<TGrainInterface>(key);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
    }

    private static int StableHash(string key)
    {
        var hash = 17;
        foreach (var c in key) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
