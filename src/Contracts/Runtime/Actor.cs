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

    public static Actor Actor => _actor.Value ?? Actor.System;

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
}
