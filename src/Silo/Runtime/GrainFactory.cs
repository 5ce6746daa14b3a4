using System.Collections.Concurrent;
using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>Hands out grain references of one silo, cached per (interface, key) up to a bounded size.</summary>
internal sealed class GrainFactory(GrainRuntime runtime, GrainTypeRegistry registry, int cacheLimit) : IGrainFactory
{
    private readonly ConcurrentDictionary<(Type Interface, string Key), object> _proxies = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_proxies.TryGetValue((typeof(TGrainInterface), key), out var cached)) return (TGrainInterface)cached;
        var grainInterface = registry.GetInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        ((GrainProxy)(object)proxy).Bind(runtime, grainInterface, new GrainId(grainInterface.Class.TypeName, key));
        if (_proxies.Count >= cacheLimit) _proxies.Clear();
        return (TGrainInterface)_proxies.GetOrAdd((typeof(TGrainInterface), key), proxy);
    }
}
