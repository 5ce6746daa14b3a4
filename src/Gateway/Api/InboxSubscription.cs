using System.Collections.Immutable;
using System.Threading.Channels;
using Orleans;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>What an <see cref="InboxSubscription"/> hears, in order.</summary>
public abstract record InboxNotice
{
    private InboxNotice() { }

    /// <summary>The chief passed on changed tasks of one unit.</summary>
    public sealed record TasksChanged(string UnitId, ImmutableArray<TaskDto> Changed) : InboxNotice;

    /// <summary>
    /// A renewal found the subscription gone (it expired, or the chief's activation is new) and subscribed anew:
    /// changes in between may have been missed, so a watcher reads the inbox again.
    /// </summary>
    public sealed record Lapsed : InboxNotice;
}

/// <summary>Configuration of the gateway side of an inbox watch (real time).</summary>
public sealed class InboxSubscriptionOptions
{
    /// <summary>How often the subscription is renewed: well within the chief's expiry (five minutes by default).</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Notices waiting for the watch stream at most; a watcher that falls further behind is ended.</summary>
    public int Capacity { get; set; } = 1024;
}

/// <summary>
/// The gateway side of an inbox watch on Orleans: an observer reference (<see cref="IGrainFactory.CreateObjectReference{TGrainObserverInterface}"/>)
/// subscribed to a chief, renewed every <see cref="InboxSubscriptionOptions.RenewEvery"/> without reading the inbox,
/// feeding <see cref="Notices"/>. Disposing it unsubscribes and deletes the reference. Renewals run in the execution
/// context of <see cref="OpenAsync"/>, so they carry the caller its RequestContext held then.
/// </summary>
public sealed class InboxSubscription : IAsyncDisposable
{
    private readonly IGrainFactory grains;
    private readonly IInboxObservable chief;
    private readonly InboxSubscriptionOptions options;
    private readonly TimeProvider clock;
    private readonly Channel<InboxNotice> notices;
    private readonly Relay relay; // the runtime holds the observer object weakly; this keeps it alive
    private readonly IInboxObserver reference;
    private readonly CancellationTokenSource stop = new();
    private Task renewing = Task.CompletedTask;
    private int disposed;

    private InboxSubscription(IGrainFactory grains, IInboxObservable chief, InboxSubscriptionOptions options, TimeProvider clock)
    {
        this.grains = grains;
        this.chief = chief;
        this.options = options;
        this.clock = clock;
        notices = Channel.CreateBounded<InboxNotice>(new BoundedChannelOptions(options.Capacity) { SingleReader = true });
        relay = new Relay(this);
        reference = grains.CreateObjectReference<IInboxObserver>(relay);
    }

    /// <summary>The notices in the order heard; completes when the subscription is disposed or has failed.</summary>
    public ChannelReader<InboxNotice> Notices => notices.Reader;

    /// <summary>Raised each time the subscription starts waiting for its next renewal (after opening and after each renewal).</summary>
    internal event Action? WaitingToRenew;

    /// <summary>Subscribes <paramref name="chief"/> (a grain reference); a refusal of the chief is thrown as it came.</summary>
    public static async Task<InboxSubscription> OpenAsync(
        IGrainFactory grains, IInboxObservable chief, InboxSubscriptionOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(chief);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RenewEvery, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        var subscription = new InboxSubscription(grains, chief, options, clock);
        try
        {
            await chief.SubscribeAsync(subscription.reference).WaitAsync(cancellationToken);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }

        subscription.renewing = subscription.RenewAsync(subscription.stop.Token);
        return subscription;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await stop.CancelAsync();
        await renewing;
        try
        {
            await chief.UnsubscribeAsync(reference);
        }
        catch (Exception)
        {
            // Best effort: a chief that cannot be reached drops the subscription when it expires.
        }

        grains.DeleteObjectReference<IInboxObserver>(reference);
        notices.Writer.TryComplete();
        stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken token)
    {
        try
        {
            while (true)
            {
                var due = Task.Delay(options.RenewEvery, clock, token);
                WaitingToRenew?.Invoke();
                await due;
                bool renewed;
                try
                {
                    renewed = await chief.SubscribeAsync(reference).WaitAsync(token);
                }
                catch (ProblemException refused)
                {
                    // The chief no longer accepts this watcher (it is full after a lapse, or the caller lost access).
                    notices.Writer.TryComplete(refused);
                    return;
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    continue; // The chief cannot be reached now; the next renewal tries again, before the subscription expires.
                }

                if (!renewed) Publish(new InboxNotice.Lapsed());
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // Disposed; how the last renewal ended does not matter any more.
        }
    }

    private void Publish(InboxNotice notice)
    {
        if (notices.Writer.TryWrite(notice)) return;
        notices.Writer.TryComplete(new ProblemException(Problem.FailedPrecondition(
            $"The inbox watcher fell more than {options.Capacity} changes behind; watch again.")));
    }

    private sealed class Relay(InboxSubscription subscription) : IInboxObserver
    {
        public void TasksChanged(string unitId, ImmutableArray<TaskDto> changed) =>
            subscription.Publish(new InboxNotice.TasksChanged(unitId, changed));
    }
}
