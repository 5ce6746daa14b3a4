using System.Collections.Immutable;
using System.Threading.Channels;
using Orleans;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Contracts.Grains;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// A chief's inbox watchers are Orleans grain observers: the chief grain tells them of every task change its units
/// report. On Orleans a chief has one activation in the cluster, so a watcher subscribed through any silo hears every
/// change at once (the old runtime's per-silo activations needed a periodic reconciliation; it is gone).
/// </summary>
public sealed class InboxWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AWatchSeesNewAndClosedTasksAtOnce()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var chief = h.Grains.GetGrain<IChiefGrain>("chief-a");
        var watch = await WatchAsync(h.Grains, chief);
        var first = await h.Ok(Chief("chief-a"), _ => chief.GetInboxAsync(new InboxQuery()));
        Assert.DoesNotContain(first.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");

        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 1, 1, 0, 0, TimeSpan.Zero));
        var raised = await watch.NextUntilAsync(tasks => tasks.Any(t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief"));
        Assert.All(raised, t => Assert.Equal("chief-a", t.Chief));

        await h.Ok(Chief("chief-a"), g => g.GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(10)));
        var closed = await watch.NextUntilAsync(tasks => tasks.Any(t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief" && t.State == TaskState.Done));
        Assert.Contains(closed, t => t.Id == "dt-1/HoldConversation/2023-Spring/Chief" && t.State == TaskState.Open);
        GC.KeepAlive(watch);
    }

    [Fact]
    public async Task AWatchThroughAnotherSiloHearsAChangeMadeThroughTheFirstAtOnce()
    {
        await using var h = await LoopHarness.StartAsync(silos: 2);
        await h.SeedAsync();
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var onSilo1 = h.GrainsOf(1).GetGrain<IChiefGrain>("chief-a");
        var watch = await WatchAsync(h.GrainsOf(1), onSilo1);
        var inbox = await h.Ok(Chief("chief-a"), _ => onSilo1.GetInboxAsync(new InboxQuery()));
        Assert.Contains(inbox.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief" && t.State == TaskState.Open);

        using (CallerContext.As(Chief("chief-a")))
            Assert.True((await h.GrainsOf(0).GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(10))).IsSuccess);
        var changed = await watch.NextUntilAsync(tasks => tasks.Any(t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief" && t.State == TaskState.Done));
        Assert.Contains(changed, t => t.Id == "dt-1/HoldConversation/2023-Spring/Chief" && t.State == TaskState.Open);
        var after = await h.Ok(Chief("chief-a"), _ => onSilo1.GetInboxAsync(new InboxQuery()));
        Assert.DoesNotContain(after.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");
        Assert.Contains(after.Tasks, t => t.Id == "dt-1/HoldConversation/2023-Spring/Chief");
        GC.KeepAlive(watch);
    }

    /// <summary>Subscribes a new observer, as chief-a, through <paramref name="grains"/>' silo.</summary>
    private static async Task<Watcher> WatchAsync(IGrainFactory grains, IChiefGrain chief)
    {
        var watcher = new Watcher();
        watcher.Reference = grains.CreateObjectReference<IInboxObserver>(watcher);
        using (CallerContext.As(Chief("chief-a"))) await chief.SubscribeAsync(watcher.Reference);
        return watcher;
    }

    /// <summary>An observer that queues what it hears (Orleans holds observers weakly: the test keeps it alive).</summary>
    private sealed class Watcher : IInboxObserver
    {
        private readonly Channel<ImmutableArray<TaskDto>> _heard = Channel.CreateUnbounded<ImmutableArray<TaskDto>>();

        public IInboxObserver Reference { get; set; } = null!;

        public void TasksChanged(string unitId, ImmutableArray<TaskDto> changed) => _heard.Writer.TryWrite(changed);

        public async Task<ImmutableArray<TaskDto>> NextUntilAsync(Func<ImmutableArray<TaskDto>, bool> done)
        {
            while (true)
            {
                var tasks = await _heard.Reader.ReadAsync().AsTask().WaitAsync(Patience);
                if (done(tasks)) return tasks;
            }
        }
    }
}
