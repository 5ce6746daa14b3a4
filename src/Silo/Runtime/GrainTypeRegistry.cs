using System.Collections.Concurrent;
using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>
/// Maps grain interfaces to the classes that implement them, found by scanning assemblies once.
/// A class's stored type name comes from its most derived grain interface(s); all must agree.
/// </summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _classByInterface = [];
    private readonly HashSet<Type> _ambiguous = [];
    private readonly Dictionary<string, GrainClass> _classByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, GrainInterface> _interfaces = new();

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes).Where(IsGrainClass))
            Register(type);

        // Bind every interface now, so a grain method the runtime cannot call fails the silo's start.
        foreach (var grainInterface in _classByInterface.Keys.Where(i => !_ambiguous.Contains(i)))
            GetInterface(grainInterface);
    }

    public IEnumerable<GrainClass> Classes => _classByName.Values;

    public GrainInterface GetInterface(Type grainInterface) =>
        _interfaces.TryGetValue(grainInterface, out var found) ? found : _interfaces.GetOrAdd(grainInterface, Bind);

    public GrainClass? FindClass(string typeName) => _classByName.GetValueOrDefault(typeName);

    private GrainInterface Bind(Type grainInterface)
    {
        if (_ambiguous.Contains(grainInterface))
            throw new InvalidOperationException($"Grain interface {grainInterface.FullName} has several implementations.");
        if (!_classByInterface.TryGetValue(grainInterface, out var grainClass))
            throw new InvalidOperationException($"No grain class implements {grainInterface.FullName}; is its assembly in SiloOptions.GrainAssemblies?");
        return new GrainInterface(grainInterface, grainClass);
    }

    private void Register(Type type)
    {
        var interfaces = type.GetInterfaces()
            .Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i))
            .ToArray();
        if (interfaces.Length == 0) return;
        var leaves = interfaces.Where(i => !interfaces.Any(other => other != i && i.IsAssignableFrom(other)));
        var names = leaves.Select(GrainTypeName.Of).Distinct().ToArray();
        if (names.Length != 1)
            throw new InvalidOperationException($"Grain class {type.FullName} has several type names ({string.Join(", ", names)}); give its interfaces one [GrainType].");
        var grainClass = new GrainClass(names[0], type);
        if (!_classByName.TryAdd(grainClass.TypeName, grainClass))
            throw new InvalidOperationException($"Grain type name '{grainClass.TypeName}' is used by both {_classByName[grainClass.TypeName].Type.FullName} and {type.FullName}.");
        foreach (var grainInterface in interfaces)
        {
            if (!_classByInterface.TryAdd(grainInterface, grainClass)) _ambiguous.Add(grainInterface);
        }
    }

    private static bool IsGrainClass(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(IGrainLifecycle).IsAssignableFrom(type);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
