using System.Collections.Immutable;
using System.Text;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>What grains answer and are asked comes back from Orleans' serializer as it was sent.</summary>
public sealed class ContractRoundTripTests
{
    [Fact]
    public void AUnitAndItsStatusWithHealthCountsRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Unit);
        AssertRoundTrips(ContractSamples.UnitStatus);
        AssertRoundTrips(new UnitPage([ContractSamples.Unit], null, 1));
    }

    [Fact]
    public void TheInitOnlyHealthCountsBesideThePositionalOnesRoundTrip()
    {
        var copy = OrleansSerializer.RoundTrip(ContractSamples.Health)!;

        Assert.Equal(3, copy.ConversationsDue);
        Assert.Equal(2, copy.OneToOnesDueHeld);
        Assert.Equal(["2025-Spring", "2025-Autumn"], copy.DataReleasesDue.ToArray());
        Assert.Equal(ContractSamples.Health.TasksByKind.Single(), copy.TasksByKind.Single());
    }

    [Fact]
    public void TheLoopViewsRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Timeline);
        AssertRoundTrips(ContractSamples.ConversationAgenda);
        AssertRoundTrips(new OneToOneAgendaDto("2025-Autumn.1", new DateOnly(2025, 11, 1), ["Status"], "2025-Autumn", null, null, null, [ContractSamples.Agreement]));
    }

    [Fact]
    public void TasksInboxesAndAcknowledgementsRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Inbox);
        AssertRoundTrips(new InboxQuery(OnlyMine: false, IncludeDone: true));
        AssertRoundTrips(new TaskQuery(AssigneeRole.Board));
        AssertRoundTrips(new CommandAck(17, [ContractSamples.ClosedTask], [new WrittenDocument(DocumentKind.Minutes, "2025-Autumn", 2)]));
    }

    [Fact]
    public void AnAcknowledgementWithoutWrittenDocumentsStaysWithoutThem()
    {
        var copy = OrleansSerializer.RoundTrip(new CommandAck(3, []))!;

        Assert.True(copy.Written.IsDefault);
        Assert.True(copy.TasksChanged.IsEmpty);
        Assert.Null(copy.WrittenVersion(DocumentKind.Minutes));
    }

    [Fact]
    public void MinutesAgreementsAndOneToOneRecordsRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Minutes);
        AssertRoundTrips(ContractSamples.Agreement with { Status = AgreementStatus.Closed, ClosedAt = DateTimeOffset.UnixEpoch, ClosedBy = "chief-2", ClosingNote = "Gennemført" });
        AssertRoundTrips(new OneToOneRecordDto("Status", ["Fortsæt"], [new AgreementDraftDto("Opfølgning", "Leder", new DateOnly(2026, 1, 15))]));
    }

    [Fact]
    public void ReportsTemplatesAndSupervisionCasesRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Report);
        AssertRoundTrips(ContractSamples.Template);
        AssertRoundTrips(new TemplateDefinitionDto(ContractSamples.Template.Title, ContractSamples.Template.Kind, ContractSamples.Template.Sections));
        AssertRoundTrips(ContractSamples.SupervisionCase);
        AssertRoundTrips(new SubmissionDto(ContractSamples.SupervisionCase.Submission, Replayed: true));
    }

    [Fact]
    public void ATemplateQuestionWithoutOptionsKeepsThemUnset()
    {
        var copy = OrleansSerializer.RoundTrip(new TemplateQuestionDto("q1", "Tekst", "Text"))!;

        Assert.True(copy.Options.IsDefault);
        Assert.Equal("WhenNo", copy.Explanation);
        Assert.Equal(4000, copy.MaxLength);
    }

    [Fact]
    public void DocumentsWithEveryVersionRoundTrip()
    {
        AssertRoundTrips(ContractSamples.Document);
        AssertRoundTrips(ContractSamples.OneToOneRecord);
        AssertRoundTrips(new DocumentVersionDto(1, new DocumentContentDto(BoardReport: new BoardReportContentDto("a", "b", "c")), "board:unit-7", DateTimeOffset.UnixEpoch, null));
    }

    [Fact]
    public void DataPackagesWithSuppressedValuesRoundTrip()
    {
        AssertRoundTrips(ContractSamples.DataPackage);
        AssertRoundTrips(ContractSamples.Release);
        AssertRoundTrips(ContractSamples.Wheel);
    }

    [Fact]
    public void AProblemResultRoundTripsWithEveryFieldViolation()
    {
        var copy = OrleansSerializer.RoundTrip(Result.Failure<UnitDto>(ContractSamples.InvalidMinutes))!;

        Assert.False(copy.IsSuccess);
        Assert.Equal(ProblemKind.Invalid, copy.Problem.Kind);
        Assert.Equal(ContractSamples.InvalidMinutes.Violations.ToArray(), copy.Problem.Violations.ToArray());
        Assert.True(copy.Problem.HasViolation("agreements[0].due"));
        Assert.Null(copy.Value);
    }

    [Fact]
    public void SuccessfulResultsRoundTripWithTheirValue()
    {
        AssertRoundTrips(Result.Success(ContractSamples.Unit));
        AssertRoundTrips(Result.Success(ContractSamples.Chiefs));
        AssertRoundTrips(Result.Success("<html></html>"));
        AssertRoundTrips(Result.Success(ImmutableArray<ChiefDto>.Empty));
    }

    [Fact]
    public void AnAbsentProblemAndAProblemWithoutViolationsRoundTrip()
    {
        Assert.Null(OrleansSerializer.RoundTrip<Problem?>(null));
        AssertRoundTrips(Problem.PermissionDenied("Only the unit's board may write."));
    }

    [Fact]
    public void AThrownProblemKeepsItsProblemAcrossTheBoundary()
    {
        Exception thrown = new ProblemException(ContractSamples.InvalidMinutes);

        var copy = Assert.IsType<ProblemException>(OrleansSerializer.RoundTrip(thrown));

        Assert.Null(StructuralDifference.Find(ContractSamples.InvalidMinutes, copy.Problem));
        Assert.Equal(thrown.Message, copy.Message);
    }

    [Fact]
    public void TheWireNamesATypeByItsAliasNeverByItsClrName()
    {
        var bytes = OrleansSerializer.Instance.SerializeToArray<object>(ContractSamples.Inbox);
        var wire = Encoding.UTF8.GetString(bytes);

        Assert.Contains("tilsyn.InboxDto", wire, StringComparison.Ordinal);
        Assert.DoesNotContain("OrleansTilsyn", wire, StringComparison.Ordinal);
        Assert.Null(StructuralDifference.Find(ContractSamples.Inbox, OrleansSerializer.Instance.Deserialize<object>(bytes)));
    }

    private static void AssertRoundTrips<T>(T value)
    {
        var copy = OrleansSerializer.RoundTrip(value);

        Assert.Null(StructuralDifference.Find(value, copy));
    }
}
