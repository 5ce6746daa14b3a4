using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Security;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// WatchInbox: an <see cref="InboxSubscription"/> to the chief grain (an observer reference, renewed), then the inbox read
/// once, turned into events of the filtered view: SNAPSHOT… SNAPSHOT_END, then RAISED, UPDATED and CLOSED as the chief
/// passes changes on, and HEARTBEAT when idle. When a renewal finds the subscription lapsed (it expired, or the chief's
/// activation is new), the inbox is read again and what changed meanwhile is sent as events.
/// </summary>
public sealed partial class InboxService
{
    public override async Task WatchInbox(WatchInboxRequest request, IServerStreamWriter<InboxEvent> stream, ServerCallContext context)
    {
        var chief = ResourceNames.Chief.Parse(request.Parent, "parent")["chief"];
        var view = TaskView.From(request.Filter, "filter");
        var caller = ChiefInboxCaller(context, chief);
        await CheckUnitFilterAsync(context, view);
        var names = await PortfolioNamesAsync(caller, chief, context.CancellationToken);
        var options = watchOptions.Value;
        var watch = new WatchState(chief, view);
        var grain = api.Grain<IChiefGrain>(chief);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        InboxSubscription? subscription = null;
        Task<bool>? pending = null;
        try
        {
            // Subscribed first, then read: a change in between is heard as well as read, and applying it twice changes nothing.
            using (ApiCalls.ActAs(caller))
            {
                subscription = await InboxSubscription.OpenAsync(api.Grains, grain, new InboxSubscriptionOptions { RenewEvery = options.RenewEvery },
                    TimeProvider.System, stop.Token);
            }

            await SendAsync(await ReadInboxAsync());
            while (true)
            {
                pending ??= subscription.Notices.WaitToReadAsync(stop.Token).AsTask();
                var idle = Task.Delay(options.HeartbeatEvery, TimeProvider.System, stop.Token);
                if (await Task.WhenAny(pending, idle) != pending)
                {
                    await idle;
                    await stream.WriteAsync(new InboxEvent { Type = InboxEventType.Heartbeat, ObservedAt = api.Now.ToApi() }, stop.Token);
                    continue;
                }

                if (!await pending) break;
                pending = null;
                var changed = new List<Model.TaskDto>();
                var lapsed = false;
                while (subscription.Notices.TryRead(out var notice))
                {
                    if (notice is InboxNotice.TasksChanged tasks) changed.AddRange(tasks.Changed);
                    else lapsed = true;
                }

                if (changed.Count > 0) await SendAsync(new Model.InboxUpdate(false, [.. changed]));
                if (lapsed) await SendAsync(await ReadInboxAsync());
            }

            // The notices ended: a refusal of the chief (the caller lost access, or the watcher fell behind) ends the call with it.
            await subscription.Notices.Completion;
        }
        catch (Exception e) when (ApiCalls.Translate(e) is { } status)
        {
            throw status;
        }
        finally
        {
            await stop.CancelAsync();
            await QuietlyAsync(pending);
            if (subscription is not null) await subscription.DisposeAsync();
        }

        async Task<Model.InboxUpdate> ReadInboxAsync()
        {
            var inbox = await api.AskAsync(caller, stop.Token, () => grain.GetInboxAsync(new Model.InboxQuery(OnlyMine: false, IncludeDone: true)));
            return new Model.InboxUpdate(true, inbox.Tasks);
        }

        async Task SendAsync(Model.InboxUpdate update)
        {
            foreach (var (type, task) in watch.Apply(update))
            {
                if (task is not null && !names.ContainsKey(task.Unit)) names[task.Unit] = await UnitNameAsync(caller, task.Unit, stop.Token);
                var change = new InboxEvent { Type = type, Task = task?.ToApi(names.GetValueOrDefault(task.Unit, "")), ObservedAt = api.Now.ToApi() };
                await stream.WriteAsync(change, stop.Token);
            }
        }
    }

    private async Task<string> UnitNameAsync(Caller caller, string unit, CancellationToken token)
    {
        var found = await api.RunAsync(caller, token, () => Directory.GetUnitAsync(unit));
        return found.IsSuccess ? found.Value.Name : "";
    }

    private static async Task QuietlyAsync(Task? task)
    {
        if (task is null) return;
        try
        {
            await task;
        }
        catch (Exception)
        {
            // The watch ends with the call; how the last read ended does not matter any more.
        }
    }

    /// <summary>The tasks a watcher has been shown, and what each update means for that view.</summary>
    private sealed class WatchState(string chief, TaskView view)
    {
        private readonly Dictionary<string, Model.TaskDto> _shown = new(StringComparer.Ordinal);
        private bool _snapshotSent;

        public List<(InboxEventType Type, Model.TaskDto? Task)> Apply(Model.InboxUpdate update)
        {
            var events = new List<(InboxEventType, Model.TaskDto?)>();
            if (update.IsSnapshot && !_snapshotSent)
            {
                foreach (var task in update.Tasks.Where(t => t.Chief == chief && view.Matches(t)))
                {
                    _shown[task.Id] = task;
                    events.Add((InboxEventType.Snapshot, task));
                }

                events.Add((InboxEventType.SnapshotEnd, null));
                _snapshotSent = true;
                return events;
            }

            foreach (var task in update.Tasks) Apply(task, events);
            if (update.IsSnapshot)
            {
                // A new read after a lapse: what was shown and is no longer in the inbox at all left it.
                var present = update.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in _shown.Values.Where(t => !present.Contains(t.Id)).ToList())
                {
                    _shown.Remove(gone.Id);
                    events.Add((InboxEventType.Closed, gone));
                }
            }

            return events;
        }

        private void Apply(Model.TaskDto task, List<(InboxEventType, Model.TaskDto?)> events)
        {
            var shown = _shown.TryGetValue(task.Id, out var before);
            if (task.Chief != chief || !view.MatchesIgnoringState(task) || (task.State != Model.TaskState.Done && !view.Matches(task)))
            {
                if (shown)
                {
                    _shown.Remove(task.Id);
                    events.Add((InboxEventType.Closed, task));
                }
            }
            else if (task.State == Model.TaskState.Done)
            {
                if (shown || view.IncludesDone)
                {
                    if (shown && before == task) return;
                    if (view.IncludesDone) _shown[task.Id] = task;
                    else _shown.Remove(task.Id);
                    events.Add((InboxEventType.Closed, task));
                }
            }
            else if (!shown)
            {
                _shown[task.Id] = task;
                events.Add((InboxEventType.Raised, task));
            }
            else if (before != task)
            {
                _shown[task.Id] = task;
                events.Add((InboxEventType.Updated, task));
            }
        }
    }
}

/// <summary>Configuration section <c>Gateway:Inbox</c>: real-time intervals of WatchInbox.</summary>
public sealed class InboxWatchOptions
{
    public const string SectionName = "Gateway:Inbox";

    /// <summary>How often the watch renews its subscription to the chief (well within the chief's expiry, five minutes by default).</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A HEARTBEAT after this long without events, so proxies keep the stream open.</summary>
    public TimeSpan HeartbeatEvery { get; set; } = TimeSpan.FromSeconds(20);
}
