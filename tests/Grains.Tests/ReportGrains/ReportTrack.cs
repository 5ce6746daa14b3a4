using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;
using OrleansTilsyn.Grains.Tests.Loop;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Grains.Tests.ReportGrains;

/// <summary>Helpers for the report grain tests: the self-owned unit of the loop harness, its report key and answers.</summary>
internal static class ReportTrack
{
    public const string SelfOwned = "dt-self";
    public const string Report2023 = "dt-self/tilsyn/2023";
    public static readonly Actor Board = LoopHarness.Board(SelfOwned);
    public static readonly Actor Chief = LoopHarness.Chief("chief-b");
    public static readonly Actor Operations = new("drift-1", "operations");

    /// <summary>A store per kind, for theories: "memory", "sqlite" (a fresh temp file) or "postgres" (a fresh schema in TILSYN_TEST_PG).</summary>
    public static Func<IGrainStore> Store(string kind) => kind switch
    {
        "memory" => () => new InMemoryGrainStore(),
        "sqlite" => () => new SqliteGrainStore($"Data Source={Path.Combine(Path.GetTempPath(), $"tilsyn-reports-{Guid.NewGuid():N}.db")}"),
        "postgres" => () => new PostgresGrainStore(TestPostgres.NewSchema()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

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

    public static async Task<Problem> Fails<T>(this LoopHarness h, Actor actor, Func<IGrainFactory, Task<Result<T>>> call, ProblemKind kind)
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
