using Google.Protobuf.WellKnownTypes;
using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Gateway.Api;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Tests.Api;

public sealed class ApiHelperTests
{
    [Theory]
    [InlineData(ProblemKind.NotFound, StatusCode.NotFound)]
    [InlineData(ProblemKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ProblemKind.PermissionDenied, StatusCode.PermissionDenied)]
    [InlineData(ProblemKind.Conflict, StatusCode.Aborted)]
    [InlineData(ProblemKind.AlreadyExists, StatusCode.AlreadyExists)]
    public void ProblemKindsMapToTheirStatus(ProblemKind kind, StatusCode code)
    {
        var error = new Problem(kind, "what happened", []).ToGrpc();

        Assert.Equal((code, "what happened"), (error.StatusCode, error.Message));
    }

    [Theory]
    [InlineData("units/strandens-dagtilbud/loop")]
    [InlineData("strandens-dagtilbud/tilsyn/twenty")]
    [InlineData("strandens-dagtilbud//2026")]
    [InlineData("")]
    public void ReportIdsThatAreNotReportsAreInvalidArgumentNamingTheField(string reportId)
    {
        var error = Assert.Throws<GrpcStatusException>(() => ReportsService.UnitOf(reportId));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Details)).FieldViolations, v => v.Field == "report_id");
    }

    [Fact]
    public void ReportIdGivesItsUnit() => Assert.Equal("strandens-dagtilbud", ReportsService.UnitOf("strandens-dagtilbud/tilsyn/2026"));

    [Fact]
    public void InvalidProblemCarriesEveryFieldViolationAsBadRequest()
    {
        var problem = Problem.Invalid("The minutes are not complete.", [new FieldViolation("decision", "is required"), new FieldViolation("agreements[0].due", "must be after the meeting")]);

        var error = Result.Failure<int>(problem).Invoking(r => r.OrThrow());

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(error.Details));
        Assert.Equal(["decision", "agreements[0].due"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void SuccessfulResultGivesItsValue() => Assert.Equal(42, Result.Success(42).OrThrow());

    [Fact]
    public void DatesRoundTripAndImpossibleDaysNameTheField()
    {
        var day = new DateOnly(2025, 3, 31);

        Assert.Equal(day, day.ToApi().ToDateOnly("due"));
        var impossible = Assert.Throws<GrpcStatusException>(() => new Date { Year = 2025, Month = 2, Day = 29 }.ToDateOnly("agreements[1].due"));
        var missing = Assert.Throws<GrpcStatusException>(() => ((Date?)null).ToDateOnly("effective_from"));
        Assert.Equal("agreements[1].due", Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(impossible.Details)).FieldViolations[0].Field);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
    }

    [Fact]
    public void TimestampsAreCheckedForRange()
    {
        var instant = new DateTimeOffset(2025, 5, 1, 9, 30, 0, TimeSpan.Zero);

        Assert.Equal(instant, Timestamp.FromDateTimeOffset(instant).ToInstant("held_at"));
        var error = Assert.Throws<GrpcStatusException>(() => new Timestamp { Seconds = long.MaxValue }.ToInstant("held_at"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}

internal static class ResultTestExtensions
{
    public static GrpcStatusException Invoking<T>(this Result<T> result, Func<Result<T>, T> act) =>
        Assert.Throws<GrpcStatusException>(() => act(result));
}
