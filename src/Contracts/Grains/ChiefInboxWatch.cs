using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// Watches a chief's inbox as a stream (what the gateway serves): the whole inbox first, then every
/// task change the chief's activation hears of, and every <c>reconcileEvery</c> (real time) the whole
/// inbox again after subscribing anew, so changes notified to another silo's activation, or lost
/// with a deactivation, are never missed for long. Changes include closed tasks so a view can drop them.
/// </summary>
public static class ChiefInboxWatch
{
    public static async IAsyncEnumerable<InboxUpdate> WatchAsync(
        this IChiefGrain chief, InboxQuery query, TimeSpan reconcileEvery, TimeProvider realTime,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chief);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reconcileEvery, TimeSpan.Zero);
        var changes = Channel.CreateUnbounded<ImmutableArray<TaskDto>>(new UnboundedChannelOptions { SingleReader = true });
        var observer = new ChannelObserver(changes.Writer);
        Task<bool>? pendingRead = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await chief.SubscribeAsync(observer);
                var inbox = await chief.GetInboxAsync(query);
                if (!inbox.IsSuccess) throw new ProblemException(inbox.Problem);
                yield return new InboxUpdate(true, inbox.Value.Tasks);
                var reconcile = Task.Delay(reconcileEvery, realTime, cancellationToken);
                while (true)
                {
                    pendingRead ??= changes.Reader.WaitToReadAsync(cancellationToken).AsTask();
                    if (await Task.WhenAny(pendingRead, reconcile) == reconcile) break;
                    if (!await pendingRead) yield break;
                    pendingRead = null;
                    var changed = ImmutableArray.CreateBuilder<TaskDto>();
                    while (changes.Reader.TryRead(out var tasks)) changed.AddRange(tasks.Where(t => !query.OnlyMine || t.Assignee == AssigneeRole.Chief));
                    if (changed.Count > 0) yield return new InboxUpdate(false, changed.ToImmutable());
                }

                await reconcile.ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            changes.Writer.TryComplete();
            await UnsubscribeQuietlyAsync(chief, observer);
        }
    }

    private static async Task UnsubscribeQuietlyAsync(IChiefGrain chief, IInboxObserver observer)
    {
        try
        {
            await chief.UnsubscribeAsync(observer);
        }
        catch (Exception)
        {
            // Best effort: the activation may be gone; it forgets observers with it.
        }
    }

    private sealed class ChannelObserver(ChannelWriter<ImmutableArray<TaskDto>> writer) : IInboxObserver
    {
        public void TasksChanged(string unitId, ImmutableArray<TaskDto> changed) => writer.TryWrite(changed);
    }
}
