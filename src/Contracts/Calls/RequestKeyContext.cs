using Orleans.Runtime;

namespace OrleansTilsyn.Contracts.Calls;

/// <summary>
/// The <see cref="RequestKey"/> of the client request being served, carried in Orleans' <see cref="RequestContext"/>
/// from the gateway to the grain that keeps it.
/// </summary>
public static class RequestKeyContext
{
    private const string Key = "tilsyn.request";

    /// <summary>The request key of the current call; null for calls without one (the schedule, seeding).</summary>
    public static RequestKey? Current => RequestContext.Get(Key) as RequestKey;

    /// <summary>
    /// The request key, taken by the grain that keeps it: removed from the rest of the grain's call, so the grain calls it
    /// makes after this carry no key and a key is kept by one grain only.
    /// </summary>
    public static RequestKey? Take()
    {
        var request = Current;
        if (request is not null) RequestContext.Remove(Key);
        return request;
    }

    /// <summary>Makes <paramref name="request"/> the request key of the grain calls made until the scope is disposed.</summary>
    public static IDisposable For(RequestKey? request)
    {
        var previous = Current;
        if (request is null) RequestContext.Remove(Key);
        else RequestContext.Set(Key, request);
        return new Scope(previous);
    }

    private sealed class Scope(RequestKey? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null) RequestContext.Remove(Key);
            else RequestContext.Set(Key, previous);
        }
    }
}
