using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>A grain implementation: its stored type name, how to construct it and which state it keeps.</summary>
internal sealed class GrainClass
{
    private readonly ObjectFactory _factory;
    private readonly Func<GrainId, StateStorage, IStateHolder>? _stateFactory;

    public GrainClass(string typeName, Type type)
    {
        TypeName = typeName;
        Type = type;
        StateType = FindStateType(type);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(type);
        _factory = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        if (StateType is not null) _stateFactory = StateHolderFactory.For(StateType);
        if (IsRemindable)
            ReminderMethod = (GrainMethod<object?>)GrainMethodFactory.Create(typeof(IRemindable).GetMethod(nameof(IRemindable.ReceiveReminderAsync))!, typeName);
    }

    public string TypeName { get; }
    public Type Type { get; }

    /// <summary>TState of a class derived from Grain&lt;TState&gt;, else null.</summary>
    public Type? StateType { get; }

    public bool IsRemindable { get; }

    /// <summary>IRemindable.ReceiveReminderAsync compiled for this class; null when it is not remindable.</summary>
    public GrainMethod<object?>? ReminderMethod { get; }

    public IGrainLifecycle CreateGrain(IServiceProvider services) => (IGrainLifecycle)_factory(services, null);

    public IStateHolder? CreateState(GrainId grain, StateStorage storage) => _stateFactory?.Invoke(grain, storage);

    private static Type? FindStateType(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Grain<>))
                return current.GetGenericArguments()[0];
        }

        return null;
    }
}
