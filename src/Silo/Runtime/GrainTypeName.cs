using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>The stored type name of a grain interface: its [GrainType] name, else the default rule.</summary>
public static class GrainTypeName
{
    /// <summary>[GrainType] when present; else the interface name minus a leading "I" and a trailing "Grain", lower-cased.</summary>
    public static string Of(Type grainInterface)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        if (grainInterface.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            if (string.IsNullOrWhiteSpace(attribute.Name))
                throw new InvalidOperationException($"[GrainType] on {grainInterface.FullName} has an empty name.");
            return attribute.Name;
        }

        var name = grainInterface.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1])) name = name[1..];
        if (name.Length > "Grain".Length && name.EndsWith("Grain", StringComparison.Ordinal)) name = name[..^"Grain".Length];
        return name.ToLowerInvariant();
    }
}
