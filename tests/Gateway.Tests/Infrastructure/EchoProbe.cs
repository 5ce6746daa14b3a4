namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>Lets tests observe what the echo handlers saw.</summary>
public sealed class EchoProbe
{
    private readonly TaskCompletionSource _waitStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waitCancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitStarted => _waitStarted.Task;

    /// <summary>Completes when the Wait handler's cancellation token fires.</summary>
    public Task WaitCancelled => _waitCancelled.Task;

    public DateTimeOffset? LastDeadline { get; set; }

    public void OnWaitStarted() => _waitStarted.TrySetResult();

    public void OnWaitCancelled() => _waitCancelled.TrySetResult();
}
