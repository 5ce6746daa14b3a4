using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// The grains whose turn the current logical call is holding, innermost first. A non-read-only call
/// to a grain already in the chain would wait on itself, so it fails at once with a CallCycleException.
/// </summary>
internal sealed class CallChain(GrainId grain, CallChain? caller)
{
    private static readonly AsyncLocal<CallChain?> _current = new();

    public static CallChain? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    public GrainId Grain { get; } = grain;
    public CallChain? Caller { get; } = caller;

    public bool Contains(GrainId grain)
    {
        for (var link = this; link is not null; link = link.Caller)
        {
            if (link.Grain == grain) return true;
        }

        return false;
    }

    /// <summary>The chain outermost first, followed by <paramref name="next"/>.</summary>
    public IReadOnlyList<GrainId> Then(GrainId next)
    {
        var grains = new List<GrainId>();
        for (var link = this; link is not null; link = link.Caller) grains.Add(link.Grain);
        grains.Reverse();
        grains.Add(next);
        return grains;
    }
}
