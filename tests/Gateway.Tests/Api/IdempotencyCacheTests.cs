using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Grpc;
using Grpc.Health.V1;

namespace OrleansTilsyn.Gateway.Tests.Api;

public sealed class IdempotencyCacheTests
{
    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly byte[] RequestA = [1, 2, 3];
    private static readonly byte[] RequestB = [1, 2, 4];

    private static HealthCheckResponse Answer(HealthCheckResponse.Types.ServingStatus status) => new() { Status = status };

    [Fact]
    public async Task ARepeatGetsTheFirstAnswerWithoutRunningAgain()
    {
        var cache = new IdempotencyCache(new IdempotencyOptions(), TimeProvider.System);
        var runs = 0;

        var first = await cache.RunOnceAsync("k", RequestA, () => { runs++; return Task.FromResult(Answer(HealthCheckResponse.Types.ServingStatus.Serving)); });
        var repeat = await cache.RunOnceAsync("k", RequestA, () => { runs++; return Task.FromResult(Answer(HealthCheckResponse.Types.ServingStatus.NotServing)); });

        Assert.Equal(1, runs);
        Assert.Same(first, repeat);
    }

    [Fact]
    public async Task ARepeatWhileTheFirstRunsWaitsForIt()
    {
        var cache = new IdempotencyCache(new IdempotencyOptions(), TimeProvider.System);
        var gate = new TaskCompletionSource<HealthCheckResponse>();

        var first = cache.RunOnceAsync("k", RequestA, () => gate.Task);
        var repeat = cache.RunOnceAsync("k", RequestA, () => Task.FromResult(Answer(HealthCheckResponse.Types.ServingStatus.NotServing)));
        gate.SetResult(Answer(HealthCheckResponse.Types.ServingStatus.Serving));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await repeat).Status);
        Assert.Same(await first, await repeat);
    }

    [Fact]
    public async Task TheSameKeyForAnotherRequestIsInvalidArgument()
    {
        var cache = new IdempotencyCache(new IdempotencyOptions(), TimeProvider.System);
        await cache.RunOnceAsync("k", RequestA, () => Task.FromResult(Answer(HealthCheckResponse.Types.ServingStatus.Serving)));

        var error = await Assert.ThrowsAsync<GrpcStatusException>(() => cache.RunOnceAsync("k", RequestB, () => Task.FromResult(new HealthCheckResponse())));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task AFailureIsNotKeptSoARetryRunsAgain()
    {
        var cache = new IdempotencyCache(new IdempotencyOptions(), TimeProvider.System);

        await Assert.ThrowsAsync<GrpcStatusException>(() => cache.RunOnceAsync<HealthCheckResponse>("k", RequestA, () => throw GrpcErrors.Unavailable("down")));
        var retry = await cache.RunOnceAsync("k", RequestA, () => Task.FromResult(Answer(HealthCheckResponse.Types.ServingStatus.Serving)));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, retry.Status);
    }

    [Fact]
    public async Task AnswersExpireAndTheOldestGoFirstWhenFull()
    {
        var time = new MovableTime(DateTimeOffset.UnixEpoch);
        var cache = new IdempotencyCache(new IdempotencyOptions { MaxEntries = 2, Retention = TimeSpan.FromMinutes(5) }, time);
        var runs = 0;
        Task<HealthCheckResponse> Run() { runs++; return Task.FromResult(new HealthCheckResponse()); }

        await cache.RunOnceAsync("a", RequestA, Run);
        await cache.RunOnceAsync("b", RequestA, Run);
        await cache.RunOnceAsync("c", RequestA, Run);
        await cache.RunOnceAsync("a", RequestA, Run);
        time.Now += TimeSpan.FromMinutes(6);
        await cache.RunOnceAsync("a", RequestA, Run);

        Assert.Equal(5, runs);
        Assert.True(cache.Count <= 2);
    }
}
