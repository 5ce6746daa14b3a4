using System.Collections.Frozen;
using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>A grain interface bound to its implementation, with its methods compiled once.</summary>
internal sealed class GrainInterface
{
    private readonly FrozenDictionary<MethodInfo, GrainMethod> _methods;

    public GrainInterface(Type type, GrainClass grainClass)
    {
        Type = type;
        Class = grainClass;
        _methods = new[] { type }.Concat(type.GetInterfaces())
            .Where(i => i != typeof(IGrain) && i != typeof(IGrainWithStringKey))
            .SelectMany(i => i.GetMethods())
            .Where(m => !m.IsStatic)
            .ToFrozenDictionary(m => m, m => GrainMethodFactory.Create(m, grainClass.TypeName));
    }

    public Type Type { get; }
    public GrainClass Class { get; }

    public GrainMethod Method(MethodInfo method) =>
        _methods.TryGetValue(method, out var grainMethod)
            ? grainMethod
            : throw new InvalidOperationException($"{method.Name} is not a method of grain interface {Type.Name}.");
}
