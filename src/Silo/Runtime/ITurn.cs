namespace OrleansTilsyn.Silo.Runtime;

/// <summary>One unit of work an activation runs in its turn order (a grain call or a deactivation).</summary>
internal interface ITurn
{
    /// <summary>The caller's execution context (actor, call chain, span) the turn runs in.</summary>
    ExecutionContext? Context { get; }

    /// <summary>True when the turn needs the grain activated (and revalidated) before it runs.</summary>
    bool NeedsGrain { get; }

    /// <summary>True when the caller gave up (timeout, cancellation) before the turn started: it is skipped.</summary>
    bool IsAbandoned { get; }

    CancellationToken Token { get; }

    /// <summary>Runs the turn and completes its caller; never throws.</summary>
    Task ExecuteAsync(Activation activation);

    /// <summary>Completes the caller with an error without running.</summary>
    void Fail(Exception error);
}
