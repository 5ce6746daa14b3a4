using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using Orleans;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Grains.Tests.Loop;

namespace OrleansTilsyn.Grains.Tests.ReportGrains;

/// <summary>Helpers for the report grain tests: the self-owned unit of the loop harness, its report key and answers.</summary>
internal static class ReportTrack
{
    public const string SelfOwned = "dt-self";
    public const string Report2023 = "dt-self/tilsyn/2023";
    public static readonly CallerIdentity Board = LoopHarness.Board(SelfOwned);
    public static readonly CallerIdentity Chief = LoopHarness.Chief("chief-b");
    public static readonly CallerIdentity Operations = LoopHarness.Person("drift-1", "operations");

    /// <summary>A partial draft: two answers, one of them a "no" still without its explanation.</summary>
    public static ImmutableArray<AnswerDto> Partial => [new("b1", Yes: true), new("b2", Yes: false)];

    /// <summary>Every required answer of the default supervision template.</summary>
    public static ImmutableArray<AnswerDto> Complete =>
    [
        new("b1", Yes: true),
        new("b2", Yes: false, Explanation: "Legepladseftersynet er bestilt til næste måned."),
        new("b3", Yes: true),
        new("b4", Yes: true),
        new("k1", Yes: true),
        new("k2", Yes: true),
        new("k3", Yes: true),
        new("k4", Choice: "fuldt"),
        new("p1", Yes: true),
        new("p2", Text: "Børnene inddrages gennem børneinterviews og fælles morgensamlinger."),
        new("p3", Text: "Datapakken viser stigende trivsel; bestyrelsen har drøftet sprogindsatsen."),
        new("p4", Choice: "opmaerksomhed"),
    ];

    public static IReportGrain Report(this LoopHarness h, string key = Report2023) => h.Grains.GetGrain<IReportGrain>(key);

    public static async Task<Problem> Fails<T>(this LoopHarness h, CallerIdentity actor, Func<IGrainFactory, Task<Result<T>>> call, ProblemKind kind)
    {
        var result = await h.As(actor, call);
        Assert.False(result.IsSuccess, $"Expected {kind} as {actor}, got success.");
        Assert.Equal(kind, result.Problem.Kind);
        return result.Problem;
    }

    public static async Task<ImmutableArray<TaskDto>> TasksAsync(this LoopHarness h, bool includeDone = true) =>
        await h.Ok(Chief, g => g.GetGrain<IUnitGrain>(SelfOwned).GetTasksAsync(new TaskQuery(IncludeDone: includeDone)));

    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
