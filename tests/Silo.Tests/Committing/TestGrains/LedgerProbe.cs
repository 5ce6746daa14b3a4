using System.Collections.Concurrent;

namespace OrleansTilsyn.Silo.Tests.Committing.TestGrains;

/// <summary>What ledger grains report to the test (a singleton shared by every silo): state loads and outbox deliveries.</summary>
public sealed class LedgerProbe
{
    private readonly ConcurrentDictionary<string, int> loads = new();

    /// <summary>Every outbox delivery throws while set.</summary>
    public bool OutboxFailing { get; set; }

    /// <summary>The (ledger, version) of each outbox delivery that succeeded.</summary>
    public ConcurrentQueue<(string Ledger, long Version)> Delivered { get; } = new();

    public int LoadsOf(string key) => loads.GetValueOrDefault(key);

    internal void Loaded(string key) => loads.AddOrUpdate(key, 1, (_, n) => n + 1);

    internal void Deliver(string key, long version)
    {
        if (OutboxFailing) throw new IOException("The outbox's receiver is unreachable (test).");
        Delivered.Enqueue((key, version));
    }
}
