namespace OrleansTilsyn.Silo.Runtime;

/// <summary>Deactivates an activation in its turn order; when <paramref name="onlyIfIdleFor"/> is set, only if still idle.</summary>
internal sealed class DeactivationTurn(TimeSpan? onlyIfIdleFor) : ITurn
{
    private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True when this turn deactivated the activation.</summary>
    public Task<bool> Completion => _done.Task;

    public ExecutionContext? Context { get; } = ExecutionContext.Capture();
    public bool NeedsGrain => false;
    public bool IsAbandoned => false;
    public CancellationToken Token => default;

    public async Task ExecuteAsync(Activation activation)
    {
        try
        {
            _done.TrySetResult(await activation.DeactivateAsync(onlyIfIdleFor));
        }
        catch (Exception error)
        {
            _done.TrySetException(error);
        }
    }

    public void Fail(Exception error) => _done.TrySetResult(false);
}
