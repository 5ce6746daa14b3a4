using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

internal enum GrainReturnKind { Task, TaskOfResult, ValueTask, ValueTaskOfResult }

/// <summary>A grain interface method as the runtime calls it; built once per method and cached.</summary>
internal abstract class GrainMethod(string name, string spanName, bool isReadOnly, int tokenIndex, GrainReturnKind kind)
{
    public string Name { get; } = name;

    /// <summary>"{grain type}/{method}": the span name of a call.</summary>
    public string SpanName { get; } = spanName;

    public bool IsReadOnly { get; } = isReadOnly;

    /// <summary>Index of the CancellationToken parameter, or -1.</summary>
    public int TokenIndex { get; } = tokenIndex;

    public GrainReturnKind Kind { get; } = kind;

    public CancellationToken CallerToken(object?[] args) =>
        TokenIndex >= 0 && args[TokenIndex] is CancellationToken token ? token : default;

    /// <summary>Makes the call through the runtime and returns what the proxy method returns (a Task or ValueTask).</summary>
    public abstract object Call(GrainRuntime runtime, GrainId grain, GrainClass grainClass, object?[] args);
}

/// <summary>A grain method whose result (null for methods without one) is <typeparamref name="T"/>.</summary>
internal sealed class GrainMethod<T>(
    string name, string spanName, bool isReadOnly, int tokenIndex, GrainReturnKind kind,
    Func<object, object?[], CancellationToken, ValueTask<T>> invoke)
    : GrainMethod(name, spanName, isReadOnly, tokenIndex, kind)
{
    /// <summary>Runs the method on a grain instance (compiled delegate, no reflection per call).</summary>
    public ValueTask<T> InvokeOn(object grain, object?[] args, CancellationToken token) => invoke(grain, args, token);

    public override object Call(GrainRuntime runtime, GrainId grain, GrainClass grainClass, object?[] args)
    {
        var task = runtime.InvokeAsync(grain, grainClass, this, args);
        return Kind switch
        {
            GrainReturnKind.ValueTask => new ValueTask(task),
            GrainReturnKind.ValueTaskOfResult => new ValueTask<T>(task),
            _ => task,
        };
    }
}
