using Microsoft.Extensions.Time.Testing;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;
using V1 = OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Tests.Api;

public sealed class ApiMappingTests
{
    [Fact]
    public void EveryDomainEnumValueHasATilsynV1ValueAndBack()
    {
        Pair<Model.Sector, V1.Sector>();
        Pair<Model.AgeArea, V1.AgeArea>();
        Pair<Model.Season, V1.Season>();
        Pair<Model.QualityKind, V1.QualityKind>();
        Pair<Model.ParticipantRole, V1.ParticipantRole>();
        Pair<Model.Attendance, V1.Attendance>();
        Pair<Model.ConversationHolder, V1.ConversationHolder>();
        Pair<Model.ConversationStatus, V1.ConversationStatus>();
        Pair<Model.OneToOneStatus, V1.OneToOneStatus>();
        Pair<Model.BoardReportStatus, V1.BoardReportStatus>();
        Pair<Model.AgreementStatus, V1.AgreementStatus>();
        Pair<Model.AgreementSourceKind, V1.AgreementSourceKind>();
        Pair<Model.DecisionKind, V1.DecisionKind>();
        Pair<Model.DataBasisKind, V1.DataBasisKind>();
        Pair<Model.TaskKind, V1.TaskKind>();
        Pair<Model.TaskState, V1.TaskState>();
        Pair<Model.AssigneeRole, V1.AssigneeRole>();
    }

    private static void Pair<TModel, TApi>()
        where TModel : struct, Enum
        where TApi : struct, Enum
    {
        var api = Enum.GetValues<TModel>().Select(ApiEnums.ToApi<TModel, TApi>).ToArray();
        Assert.Equal(Enum.GetValues<TApi>().Length - 1, api.Distinct().Count());
        Assert.All(Enum.GetValues<TModel>(), m => Assert.Equal(m, ApiEnums.ToModel<TApi, TModel>(ApiEnums.ToApi<TModel, TApi>(m), "field")));
    }

    [Fact]
    public void AnUnspecifiedEnumInARequestIsAFieldViolation()
    {
        var error = Assert.Throws<GrpcStatusException>(() => ApiEnums.ToModel<V1.Sector, Model.Sector>(V1.Sector.Unspecified, "sector"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("sector", Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Details)).FieldViolations[0].Field);
    }

    [Theory]
    [InlineData("scheduledFor", "scheduled_for")]
    [InlineData("participants[2].name", "participants[2].name")]
    [InlineData("seasons[0].windowClose", "seasons[0].window_close")]
    [InlineData("line 3: groupSize", "line 3: groupSize")]
    [InlineData("", "")]
    public void DomainFieldsBecomeRequestFieldPaths(string domain, string request) => Assert.Equal(request, FieldPaths.ToRequest(domain));

    [Fact]
    public void NestedFieldsGoUnderTheirMessageButTopLevelFieldsStay()
    {
        var fields = FieldPaths.Under("record", "reason");

        Assert.Equal("record.data_basis", fields("dataBasis"));
        Assert.Equal("record.agreements[0].due", fields("agreements[0].due"));
        Assert.Equal("reason", fields("reason"));
        Assert.Equal("record.participants", fields("record.participants"));
    }

    [Fact]
    public void TaskNamesKeepTheLoopOccurrenceInOneSegment()
    {
        var task = new Model.TaskDto("u-1/ChooseFocusAreas/6-18/2026/Leader", Model.TaskKind.ChooseFocusAreas, "u-1", "6-18/2026", Model.AssigneeRole.Leader,
            "bu-chef-1", new DateOnly(2026, 5, 1), Model.TaskState.Open, DateTimeOffset.UnixEpoch);

        var api = task.ToApi("Enhed");
        var parts = ResourceNames.Task.Parse(api.Name, "name");

        Assert.Equal("units/u-1/tasks/ChooseFocusAreas~6-18~2026~Leader", api.Name);
        Assert.Equal(task.Id, TaskMapping.TaskId(parts["unit"], parts["task"]));
        Assert.Equal("units/u-1/loop", api.Resource);
        Assert.Null(api.Closed);
    }

    [Fact]
    public void EveryTaskKindNamesWhatItIsAboutAndTheActionThatClosesIt()
    {
        foreach (var kind in Enum.GetValues<Model.TaskKind>().Where(k => k != Model.TaskKind.CompileFocusAreaOverview))
        {
            var task = new Model.TaskDto($"u-1/{kind}/2026/Chief", kind, "u-1", "2026", Model.AssigneeRole.Chief,
                "bu-chef-1", new DateOnly(2026, 5, 1), Model.TaskState.Open, DateTimeOffset.UnixEpoch);
            Assert.NotEqual("", TaskMapping.ResourceOf(task));
            Assert.NotEqual("it closes by its own action", TaskMapping.ClosingAction(kind));
        }

        var close = new Model.TaskDto("u-1/CloseSupervisionCase/2026/Chief", Model.TaskKind.CloseSupervisionCase, "u-1", "2026", Model.AssigneeRole.Chief,
            "bu-chef-1", new DateOnly(2026, 5, 1), Model.TaskState.Open, DateTimeOffset.UnixEpoch);
        Assert.Equal("units/u-1/loop/boardReports/2026", TaskMapping.ResourceOf(close));
        Assert.Contains("Reports.CloseCase", TaskMapping.ClosingAction(Model.TaskKind.CloseSupervisionCase), StringComparison.Ordinal);
        Assert.Contains("Reports.ScheduleFollowUpMeeting", TaskMapping.ClosingAction(Model.TaskKind.ScheduleBoardFollowUpMeeting), StringComparison.Ordinal);
    }

    [Fact]
    public void PageTokensAreBoundToTheirRequestAndRunOut()
    {
        var items = Enumerable.Range(0, 7).ToList();

        var (first, next) = Paging.Slice(items, 3, "", "filter-a");
        var (second, last) = Paging.Slice(items, 3, next, "filter-a");
        var (third, end) = Paging.Slice(items, 3, last, "filter-a");
        var foreign = Assert.Throws<GrpcStatusException>(() => Paging.Slice(items, 3, next, "filter-b"));

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], first.Concat(second).Concat(third));
        Assert.Equal("", end);
        Assert.Equal(StatusCode.InvalidArgument, foreign.StatusCode);
        Assert.Equal(Paging.DefaultSize, Paging.Size(0));
        Assert.Equal(Paging.MaxSize, Paging.Size(10_000));
    }

    [Fact]
    public void StartedClockStartsAtTheConfiguredInstantAndRunsWithRealTime()
    {
        var start = new DateTimeOffset(2027, 4, 20, 8, 0, 0, TimeSpan.FromHours(2));
        var clock = new StartedClock(start, TimeProvider.System);

        var now = clock.GetUtcNow();

        Assert.True(now >= start && now < start.AddMinutes(1), $"{now}");
        Assert.Equal(TimeSpan.Zero, now.Offset);
    }

    [Fact]
    public void StartedClocksWithOneAnchorAndRateShareAnAcceleratedDomainClock()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var anchor = real.GetUtcNow().AddSeconds(2);
        var first = new StartedClock(start, real, rate: 3600, anchor);
        var beforeAnchor = first.GetUtcNow();
        real.Advance(TimeSpan.FromSeconds(14));
        var second = new StartedClock(start, real, rate: 3600, anchor);

        Assert.Equal(start, beforeAnchor);
        Assert.Equal(start.AddHours(12), first.GetUtcNow());
        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StartedClock(start, real, rate: 0));
    }

    [Fact]
    public void LongErrorTextIsShortenedSoTrailersStayBounded()
    {
        var violations = Enumerable.Range(0, 500).Select(i => ($"line {i}: unit", new string('x', 2000))).ToArray();

        var error = GrpcErrors.InvalidArgument(new string('m', 100_000), violations);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Details));

        Assert.True(error.Message.Length <= GrpcStatusException.MaxMessageLength);
        Assert.True(badRequest.CalculateSize() <= GrpcErrors.MaxBadRequestBytes);
        Assert.Matches("more violation", badRequest.FieldViolations[^1].Description);
    }
}
