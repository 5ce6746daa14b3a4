namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Base of the errors the grain runtime itself raises (not domain outcomes).</summary>
public abstract class GrainRuntimeException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The state changed underneath the call twice in a row (stale version); the command was not applied.</summary>
public sealed class ConcurrencyConflictException(GrainId grain, long expectedVersion)
    : GrainRuntimeException($"Grain {grain} was changed by another writer (expected version {expectedVersion}); the command was not applied.")
{
    public GrainId Grain { get; } = grain;
    public long ExpectedVersion { get; } = expectedVersion;
}

/// <summary>A grain call did not complete within the call timeout.</summary>
public sealed class GrainCallTimeoutException(GrainId grain, string method, TimeSpan timeout)
    : GrainRuntimeException($"Call {grain}.{method} did not complete within {timeout.TotalSeconds:0.###} s.")
{
    public GrainId Grain { get; } = grain;
    public string Method { get; } = method;
}

/// <summary>A grain call would wait on itself (A calls B calls A in non-read-only turns).</summary>
public sealed class CallCycleException(IReadOnlyList<GrainId> chain)
    : GrainRuntimeException($"Call cycle: {string.Join(" -> ", chain)}.")
{
    public IReadOnlyList<GrainId> Chain { get; } = chain;
}

/// <summary>The store could not be reached or failed; nothing was applied.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null)
    : GrainRuntimeException(message, inner);
