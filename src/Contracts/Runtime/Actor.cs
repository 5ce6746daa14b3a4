namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Who causes a change: a signed-in person or a system process. Audit events carry it.</summary>
public sealed record Actor(string Id, string Role)
{
    public static Actor System { get; } = new("system", "system");
    public static Actor Reminder { get; } = new("system:reminder", "system");

    public override string ToString() => $"{Role}:{Id}";
}

/// <summary>
/// The ambient caller of the current grain call (Orleans' RequestContext, narrowed to what we need).
/// The runtime captures it when a call is made and restores it inside the callee's turn, so a
/// chain of grain calls stays attributed to the person who started it.
/// </summary>
public static class CallContext
{
    private static readonly AsyncLocal<Actor?> _actor = new();
    private static readonly AsyncLocal<RequestKey?> _request = new();

    public static Actor Actor => _actor.Value ?? Actor.System;

    /// <summary>The idempotency key of the client request being served; null for calls without one (reminders, seeding).</summary>
    public static RequestKey? Request => _request.Value;

    /// <summary>Sets the request key until the returned scope is disposed.</summary>
    /// <summary>
    /// The request key, taken by the grain that keeps it: cleared for the rest of the calling async method, so the
    /// grain calls it makes after this carry no key and a key is kept by one grain only.
    /// </summary>
    public static RequestKey? TakeRequest()
    {
        var request = _request.Value;
        _request.Value = null;
        return request;
    }

    public static IDisposable ForRequest(RequestKey? request)
    {
        var previous = _request.Value;
        _request.Value = request;
        return new RequestScope(previous);
    }

    /// <summary>Sets the actor until the returned scope is disposed.</summary>
    public static IDisposable As(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var previous = _actor.Value;
        _actor.Value = actor;
        return new Scope(previous);
    }

    private sealed class Scope(Actor? previous) : IDisposable
    {
        public void Dispose() => _actor.Value = previous;
    }

    private sealed class RequestScope(RequestKey? previous) : IDisposable
    {
        public void Dispose() => _request.Value = previous;
    }
}
