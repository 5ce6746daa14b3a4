using Orleans.Runtime;

namespace OrleansTilsyn.Contracts.Calls;

/// <summary>
/// The caller of the current grain call, carried in Orleans' <see cref="RequestContext"/>: set once where a call
/// enters the cluster (the gateway, the agenda's wake-up) and seen by every grain the call reaches.
/// </summary>
public static class CallerContext
{
    private const string Key = "tilsyn.caller";

    /// <summary>The caller of the current call; null when none was set.</summary>
    public static CallerIdentity? Current => RequestContext.Get(Key) as CallerIdentity;

    /// <summary>Makes <paramref name="caller"/> the caller of the grain calls made until the scope is disposed.</summary>
    public static IDisposable As(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var previous = Current;
        RequestContext.Set(Key, caller);
        return new Scope(previous);
    }

    private sealed class Scope(CallerIdentity? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null) RequestContext.Remove(Key);
            else RequestContext.Set(Key, previous);
        }
    }
}
