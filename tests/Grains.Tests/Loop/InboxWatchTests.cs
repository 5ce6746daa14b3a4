using OrleansTilsyn.Contracts.Grains;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

public sealed class InboxWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AWatchSeesNewAndClosedTasksAtOnce()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var chief = h.Grains.GetGrain<IChiefGrain>("chief-a");
        await using var watch = Watch(h, chief);
        var first = await NextAsync(watch);
        Assert.True(first.IsSnapshot);
        Assert.DoesNotContain(first.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");

        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 1, 1, 0, 0, TimeSpan.Zero));
        var raised = await NextUntilAsync(watch, u => u.Tasks.Any(t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief"));
        Assert.False(raised.IsSnapshot);
        Assert.All(raised.Tasks, t => Assert.Equal(AssigneeRole.Chief, t.Assignee));

        await h.Ok(Chief("chief-a"), g => g.GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(10)));
        var closed = await NextUntilAsync(watch, u => u.Tasks.Any(t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief" && t.State == TaskState.Done));
        Assert.Contains(closed.Tasks, t => t.Id == "dt-1/HoldConversation/2023-Spring/Chief" && t.State == TaskState.Open);
    }

    [Fact]
    public async Task AWatchOnAnotherSiloCatchesUpAtItsReconciliation()
    {
        await using var h = await LoopHarness.StartAsync(silos: 2);
        await h.SeedAsync();
        await h.AdvanceToAsync(new DateTimeOffset(2023, 4, 2, 9, 0, 0, TimeSpan.Zero));
        var onSilo1 = h.Cluster.Silo(1).GrainFactory.GetGrain<IChiefGrain>("chief-a");
        await using var watch = Watch(h, onSilo1);
        Assert.Contains((await NextAsync(watch)).Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief" && t.State == TaskState.Open);

        using (Contracts.Runtime.CallContext.As(Chief("chief-a")))
            Assert.True((await h.Cluster.Silo(0).GrainFactory.GetGrain<IUnitGrain>("dt-1").ScheduleConversationAsync("2023-Spring", h.Now.AddDays(10))).IsSuccess);
        // Silo 0's chief activation was told, not silo 1's: only the reconciliation brings the change.
        var pending = watch.MoveNextAsync().AsTask();
        Assert.NotSame(pending, await Task.WhenAny(pending, Task.Delay(300)));
        h.RealTime.AdvanceBy(TimeSpan.FromSeconds(31));
        Assert.True(await pending.WaitAsync(Patience));
        Assert.True(watch.Current.IsSnapshot);
        Assert.DoesNotContain(watch.Current.Tasks, t => t.Id == "dt-1/ScheduleConversation/2023-Spring/Chief");
        Assert.Contains(watch.Current.Tasks, t => t.Id == "dt-1/HoldConversation/2023-Spring/Chief");
    }

    private static IAsyncEnumerator<InboxUpdate> Watch(LoopHarness h, IChiefGrain chief)
    {
        using (Contracts.Runtime.CallContext.As(Chief("chief-a")))
            return chief.WatchAsync(new InboxQuery(), TimeSpan.FromSeconds(30), h.RealTime).GetAsyncEnumerator();
    }

    private static async Task<InboxUpdate> NextAsync(IAsyncEnumerator<InboxUpdate> watch)
    {
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        return watch.Current;
    }

    private static async Task<InboxUpdate> NextUntilAsync(IAsyncEnumerator<InboxUpdate> watch, Func<InboxUpdate, bool> done)
    {
        while (true)
        {
            var update = await NextAsync(watch);
            if (done(update)) return update;
        }
    }
}
