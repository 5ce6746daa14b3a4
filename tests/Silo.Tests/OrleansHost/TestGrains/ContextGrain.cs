using Orleans;
using Orleans.Runtime;

namespace OrleansTilsyn.Silo.Tests.OrleansHost.TestGrains;

public interface IContextGrain : IGrainWithStringKey
{
    /// <summary>The RequestContext value under <paramref name="key"/> here and in the grain <paramref name="calleeKey"/> this one calls.</summary>
    Task<ContextSeen> SeeAsync(string key, string calleeKey);

    Task<string?> ReadAsync(string key);
}

[GenerateSerializer, Immutable, Alias("OrleansHost.ContextSeen")]
public sealed record ContextSeen([property: Id(0)] string? InCalledGrain, [property: Id(1)] string? InItsCallee);

public sealed class ContextGrain : Grain, IContextGrain
{
    public async Task<ContextSeen> SeeAsync(string key, string calleeKey)
    {
        var here = RequestContext.Get(key) as string;
        var there = await GrainFactory.GetGrain<IContextGrain>(calleeKey).ReadAsync(key);
        return new ContextSeen(here, there);
    }

    public Task<string?> ReadAsync(string key) => Task.FromResult(RequestContext.Get(key) as string);
}
