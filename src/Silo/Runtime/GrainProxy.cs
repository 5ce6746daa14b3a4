using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// A grain reference: every interface call goes through the runtime. Not sealed because
/// DispatchProxy generates a class derived from it.
/// </summary>
internal class GrainProxy : DispatchProxy
{
    private GrainRuntime _runtime = null!;
    private GrainInterface _interface = null!;
    private GrainId _grain;

    internal void Bind(GrainRuntime runtime, GrainInterface grainInterface, GrainId grain)
    {
        _runtime = runtime;
        _interface = grainInterface;
        _grain = grain;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        _interface.Method(targetMethod!).Call(_runtime, _grain, _interface.Class, args ?? []);

    public override string ToString() => _grain.ToString();
}
