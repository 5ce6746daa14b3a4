using System.Collections.Concurrent;
using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>Hands out grain references of one silo, cached per (interface, key) up to a bounded size.</summary>
internal sealed class GrainFactory(GrainRuntime runtime, GrainTypeRegistry registry, int cacheLimit) : IGrainFactory
{
    private readonly ConcurrentDictionary<(Type Interface, string Key), object> _proxies = new();

    // DispatchProxy.Create builds each proxy by reflection; the invoker it emits for the generated type's
    // constructor is cached on the ConstructorInfo, which lives only as long as the type's reflection cache.
    // Holding the constructors keeps that cache: otherwise, after every GC, the next new proxy emits and
    // JITs a fresh invoker (a DynamicMethod that must be finalized), which dominated CPU with many new keys.
    private readonly ConcurrentDictionary<Type, ConstructorInfo[]> _proxyConstructors = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_proxies.TryGetValue((typeof(TGrainInterface), key), out var cached)) return (TGrainInterface)cached;
        var grainInterface = registry.GetInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        _proxyConstructors.GetOrAdd(typeof(TGrainInterface), static (_, type) =>
            type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), proxy!.GetType());
        ((GrainProxy)(object)proxy).Bind(runtime, grainInterface, new GrainId(grainInterface.Class.TypeName, key));
        if (_proxies.Count >= cacheLimit) _proxies.Clear();
        return (TGrainInterface)_proxies.GetOrAdd((typeof(TGrainInterface), key), proxy);
    }
}
