using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>The store engines the runtime tests run on. Add an engine here and in <see cref="TestStores.Create"/>.</summary>
public enum StoreKind
{
    InMemory,
}

/// <summary>Theory data: every store engine.</summary>
public sealed class StoreKinds : TheoryData<StoreKind>
{
    public StoreKinds()
    {
        foreach (var kind in Enum.GetValues<StoreKind>()) Add(kind);
    }
}

public static class TestStores
{
    /// <summary>A fresh, empty store of the given engine (one per test; the test cluster disposes it).</summary>
    public static IGrainStore Create(StoreKind kind) => kind switch
    {
        StoreKind.InMemory => new InMemoryGrainStore(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown store kind."),
    };

    /// <summary>Makes the next state write fail before anything is applied.</summary>
    public static void FailNextWrite(IGrainStore store, Exception error)
    {
        switch (store)
        {
            case InMemoryGrainStore memory:
                memory.FailNextWrite = _ => error;
                break;
            case FaultInjectingStore faulty:
                faulty.FailNextWrite(error);
                break;
            default:
                throw new NotSupportedException($"Wrap {store.GetType().Name} in a FaultInjectingStore to inject write failures.");
        }
    }
}
