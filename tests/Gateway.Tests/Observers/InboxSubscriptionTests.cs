using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Grains.Chiefs;
using OrleansTilsyn.TestSupport;

namespace OrleansTilsyn.Gateway.Tests.Observers;

/// <summary>
/// A chief's watchers as grain observers on two silos: the chief (<see cref="InboxObservers"/>, expiry 5 minutes on
/// the grain clock, at most 3 watchers here) and the gateway's <see cref="InboxSubscription"/>, renewing every minute on
/// the same fake clock.
/// </summary>
public sealed class InboxSubscriptionTests : IAsyncLifetime
{
    private const int MaxWatchers = 3;
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
    private static readonly InboxSubscriptionOptions Renewing = new() { RenewEvery = TimeSpan.FromMinutes(1) };
    private readonly List<InboxSubscription> subscriptions = [];
    private OrleansTestHost host = null!;

    public async Task InitializeAsync() => host = await OrleansTestHost.StartAsync(o =>
    {
        o.Silos = 2;
        o.ConfigureServices = s => s.Configure<InboxObserverOptions>(i =>
        {
            i.Expiry = Expiry;
            i.MaxPerChief = MaxWatchers;
        });
    });

    public async Task DisposeAsync()
    {
        foreach (var subscription in subscriptions) await subscription.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task AChangeRaisedThroughOneSiloReachesASubscriptionMadeThroughTheOther()
    {
        await Chief(host.Silos[0], "c-1").CountWatchersAsync(); // prefer-local placement: the chief lives on silo A
        var subscription = await OpenAsync(host.Silos[1], "c-1");

        var told = await Chief(host.Silos[0], "c-1").TasksChangedAsync("u-1", [OpenTask("t-1")]);

        Assert.Equal(1, told);
        var heard = Assert.IsType<InboxNotice.TasksChanged>(await NextAsync(subscription));
        Assert.Equal("u-1", heard.UnitId);
        Assert.Equal(OpenTask("t-1"), Assert.Single(heard.Changed));
    }

    [Fact]
    public async Task ASubscriptionThatIsNotRenewedExpires()
    {
        var chief = Chief(host.Silos[0], "c-2");
        var inbox = new SilentObserver();
        var factory = OrleansTestHost.GrainFactoryOf(host.Silos[1]);
        var reference = factory.CreateObjectReference<IInboxObserver>(inbox);
        Assert.False(await chief.SubscribeAsync(reference));

        host.Clock.Advance(Expiry);
        Assert.Equal(1, await chief.CountWatchersAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, await chief.CountWatchersAsync());
        Assert.Equal(0, await chief.TasksChangedAsync("u-1", [OpenTask("t-1")]));
        factory.DeleteObjectReference<IInboxObserver>(reference);
    }

    [Fact]
    public async Task RenewalKeepsTheSubscriptionWellPastItsExpiryWithoutALapse()
    {
        var subscription = await OpenAsync(host.Silos[1], "c-3");
        var waiting = new SemaphoreSlim(0);
        subscription.WaitingToRenew += () => waiting.Release();

        for (var minute = 0; minute < 3 * Expiry.TotalMinutes; minute++)
        {
            await Task.Run(() => host.Clock.Advance(Renewing.RenewEvery));
            Assert.True(await waiting.WaitAsync(OrleansTestHost.Patience), $"renewal after minute {minute + 1}");
        }

        Assert.Equal(1, await Chief(host.Silos[0], "c-3").TasksChangedAsync("u-2", [OpenTask("t-2")]));
        Assert.IsType<InboxNotice.TasksChanged>(await NextAsync(subscription));
    }

    [Fact]
    public async Task ARenewalAfterTheSubscriptionExpiredSubscribesAgainAndReportsTheLapse()
    {
        var subscription = await OpenAsync(host.Silos[1], "c-4", new InboxSubscriptionOptions { RenewEvery = Expiry + TimeSpan.FromMinutes(1) });
        var waiting = new SemaphoreSlim(0);
        subscription.WaitingToRenew += () => waiting.Release();

        await Task.Run(() => host.Clock.Advance(Expiry + TimeSpan.FromMinutes(1)));
        Assert.True(await waiting.WaitAsync(OrleansTestHost.Patience));

        Assert.IsType<InboxNotice.Lapsed>(await NextAsync(subscription));
        Assert.Equal(1, await Chief(host.Silos[0], "c-4").CountWatchersAsync());
    }

    [Fact]
    public async Task WhenTheChiefsSiloDiesTheNextRenewalSubscribesTheNewActivationAndReportsTheLapse()
    {
        var hosting = host.Silos[0];
        var surviving = host.Silos[1];
        await Chief(hosting, "c-7").CountWatchersAsync(); // prefer-local placement: the chief lives on the silo first asked
        var subscription = await OpenAsync(surviving, "c-7");
        var waiting = new SemaphoreSlim(0);
        subscription.WaitingToRenew += () => waiting.Release();

        await host.KillSiloAsync(hosting);
        await Task.Run(() => host.Clock.Advance(Renewing.RenewEvery));
        Assert.True(await waiting.WaitAsync(OrleansTestHost.Patience));

        Assert.IsType<InboxNotice.Lapsed>(await NextAsync(subscription));
        Assert.Equal(1, await Chief(surviving, "c-7").TasksChangedAsync("u-1", [OpenTask("t-1")]));
        Assert.IsType<InboxNotice.TasksChanged>(await NextAsync(subscription));
    }

    [Fact]
    public async Task AWatcherThatFallsFurtherBehindThanItsCapacityIsEnded()
    {
        var subscription = await OpenAsync(host.Silos[1], "c-8", new InboxSubscriptionOptions { RenewEvery = Renewing.RenewEvery, Capacity = 1 });
        var chief = Chief(host.Silos[0], "c-8");

        await chief.TasksChangedAsync("u-1", [OpenTask("t-1")]);
        await chief.TasksChangedAsync("u-1", [OpenTask("t-2")]);

        Assert.IsType<InboxNotice.TasksChanged>(await NextAsync(subscription));
        var ended = await Assert.ThrowsAsync<ProblemException>(() => subscription.Notices.Completion.WaitAsync(OrleansTestHost.Patience));
        Assert.Equal(ProblemKind.FailedPrecondition, ended.Problem.Kind);
    }

    [Fact]
    public async Task DisposingUnsubscribesAndEndsTheNotices()
    {
        var subscription = await OpenAsync(host.Silos[1], "c-5");
        var chief = Chief(host.Silos[0], "c-5");
        Assert.Equal(1, await chief.CountWatchersAsync());

        await subscription.DisposeAsync();

        Assert.Equal(0, await chief.CountWatchersAsync());
        Assert.Equal(0, await chief.TasksChangedAsync("u-1", [OpenTask("t-1")]));
        await subscription.Notices.Completion.WaitAsync(OrleansTestHost.Patience);
    }

    [Fact]
    public async Task AChiefRefusesOneWatcherMoreThanItKeepsUntilOneLeaves()
    {
        for (var i = 0; i < MaxWatchers; i++) await OpenAsync(host.Silos[i % 2], "c-6");

        var refused = await Assert.ThrowsAsync<ProblemException>(() => OpenAsync(host.Silos[0], "c-6"));

        Assert.Equal(ProblemKind.FailedPrecondition, refused.Problem.Kind);
        Assert.Contains($"{MaxWatchers} inbox watchers", refused.Problem.Message);
        await subscriptions[0].DisposeAsync();
        await OpenAsync(host.Silos[0], "c-6");
        Assert.Equal(MaxWatchers, await Chief(host.Silos[1], "c-6").CountWatchersAsync());
    }

    private async Task<InboxSubscription> OpenAsync(Orleans.TestingHost.InProcessSiloHandle silo, string chief, InboxSubscriptionOptions? options = null)
    {
        var factory = OrleansTestHost.GrainFactoryOf(silo);
        var subscription = await InboxSubscription.OpenAsync(
            factory, factory.GetGrain<ITestChiefGrain>(chief), options ?? Renewing, host.Clock, CancellationToken.None);
        subscriptions.Add(subscription);
        return subscription;
    }

    private static ITestChiefGrain Chief(Orleans.TestingHost.InProcessSiloHandle silo, string chief) =>
        OrleansTestHost.GrainFactoryOf(silo).GetGrain<ITestChiefGrain>(chief);

    private static async Task<InboxNotice> NextAsync(InboxSubscription subscription) =>
        await subscription.Notices.ReadAsync().AsTask().WaitAsync(OrleansTestHost.Patience);

    private static TaskDto OpenTask(string id) => new(
        id, TaskKind.PrepareConversation, "u-1", "2025-Spring", AssigneeRole.Chief, "c-1", new DateOnly(2025, 3, 1),
        TaskState.Open, new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero));

    private sealed class SilentObserver : IInboxObserver
    {
        public void TasksChanged(string unitId, ImmutableArray<TaskDto> changed) { }
    }
}
