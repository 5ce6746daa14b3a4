namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Marker for every grain interface.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key (the only kind this service uses).</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>Gives a reference to the grain with the given key; the grain is activated on first call.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}

/// <summary>
/// Names the grain type as stored (state rows, reminders, audit). Put it on the grain interface;
/// without it the interface name minus the leading "I" and a trailing "Grain" is used, lower-cased.
/// The name is a storage key: never change it once data exists.
/// </summary>
[AttributeUsage(AttributeTargets.Interface)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// A grain method that only reads: it may run while another call of the same activation is
/// awaiting (the state it reads is an immutable snapshot). Every other method runs in its own turn.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
