namespace OrleansTilsyn.Silo.Runtime;

/// <summary>A queued grain call: the turn to run and the completion its caller awaits.</summary>
internal sealed class GrainCall<T>(GrainMethod<T> method, object?[] args, CancellationToken token)
    : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), ITurn
{
    public ExecutionContext? Context { get; } = ExecutionContext.Capture();
    public bool NeedsGrain => true;
    public bool IsAbandoned => Task.IsCompleted || token.IsCancellationRequested;
    public CancellationToken Token => token;

    public async Task ExecuteAsync(Activation activation)
    {
        try
        {
            TrySetResult(await activation.InvokeAsync(method, args, token));
        }
        catch (Exception error)
        {
            TrySetException(error);
        }
    }

    public void Fail(Exception error) => TrySetException(error);
}
