using System.Collections.Concurrent;
using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>The people of the simulated units: each planned action becomes the grain command that person would send.</summary>
internal sealed class SimulatedPeople(IGrainFactory grains, IReadOnlyList<SimulatedUnit> units)
{
    public static readonly Actor Administration = new("sim-forvaltning", "administration");

    private long _commands;
    private long _problems;

    public long Commands => Interlocked.Read(ref _commands);

    public long Problems => Interlocked.Read(ref _problems);

    public ConcurrentDictionary<string, int> ProblemSamples { get; } = new();

    public async Task ActAsync(PlannedAction a, DateTimeOffset now)
    {
        var u = units[a.Unit];
        var unit = grains.GetGrain<IUnitGrain>(u.Id);
        var holder = u.SelfOwned ? u.Board : u.Chief;
        var heldOn = DateOnly.FromDateTime(a.At.UtcDateTime);
        var result = a.Action switch
        {
            SimulatedAction.ScheduleConversation => await As(holder, () => unit.ScheduleConversationAsync(a.Occurrence, a.At)),
            SimulatedAction.HoldConversation => await As(holder, () => unit.HoldConversationAsync(a.Occurrence, a.At)),
            SimulatedAction.SubmitMinutes => await As(u.Leader, () => unit.SubmitMinutesAsync(a.Occurrence, Minutes(heldOn))),
            SimulatedAction.ChooseFocusAreas => await ChooseFocusAreasAsync(u, unit),
            SimulatedAction.CompleteFocusAreaOverview => await As(Administration, unit.CompleteFocusAreaOverviewAsync),
            SimulatedAction.HoldOneToOne => await HoldOneToOneAsync(u, unit, a.Occurrence, now),
            SimulatedAction.SubmitBoardReport => await As(u.Board, () => unit.SubmitBoardReportAsync(Year(a), Report)),
            SimulatedAction.ReviewBoardReport => await As(u.Chief, () => unit.ReviewBoardReportAsync(Year(a), a.FollowUp, a.FollowUp ? "Data om sprog kalder på et møde." : null)),
            SimulatedAction.HoldBoardFollowUpMeeting => await As(u.Chief, () => unit.HoldBoardFollowUpMeetingAsync(Year(a), now.AddHours(-2))),
            SimulatedAction.SubmitOpsamling => await As(u.Leader, () => unit.SubmitOpsamlingAsync("Det lokale arbejde med fokusområderne er samlet op.")),
            _ => null,
        };
        if (result is { IsSuccess: false }) Refused(a.Action, result.Problem);
    }

    private async Task<Result<CommandAck>> ChooseFocusAreasAsync(SimulatedUnit u, IUnitGrain unit)
    {
        var status = await As(u.Leader, unit.GetStatusAsync);
        if (!status.IsSuccess) return status.Problem;
        var themes = status.Value.Themes;
        if (themes.IsEmpty) return Problem.FailedPrecondition("no themes");
        return await As(u.Leader, () => unit.ChooseFocusAreasAsync([new(themes[u.Index % themes.Length].Code, "Fælles fagligt sprog")]));
    }

    private async Task<Result<CommandAck>> HoldOneToOneAsync(SimulatedUnit u, IUnitGrain unit, string key, DateTimeOffset now)
    {
        return await As(u.Chief, () => unit.HoldAndRecordOneToOneAsync(key, now.AddHours(-2), new("Opfølgning på data og aftaler.", [], [])));
    }

    private static int Year(PlannedAction a) => int.Parse(a.Occurrence, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Result<T>> As<T>(Actor actor, Func<Task<Result<T>>> call)
    {
        Interlocked.Increment(ref _commands);
        using (CallContext.As(actor)) return await call();
    }

    private void Refused(SimulatedAction action, Problem problem)
    {
        Interlocked.Increment(ref _problems);
        var key = $"{action}: {problem.Kind}: {problem.Message}";
        ProblemSamples.AddOrUpdate(key.Length > 160 ? key[..160] : key, 1, (_, n) => n + 1);
    }

    private static readonly BoardReportContentDto Report = new("Basistilsyn gennemført.", "Kommunale retningslinjer fulgt.", "Pædagogisk tilsyn: læreplanen evalueret.");

    private static readonly ParticipantDto[] Everyone = [.. Enum.GetValues<ParticipantRole>()
        .Where(r => r is not (ParticipantRole.AdHoc or ParticipantRole.MinuteTaker or ParticipantRole.Other))
        .Select((r, i) => new ParticipantDto($"Deltager {i + 1}", r.ToString(), r))];

    private static MinutesDto Minutes(DateOnly heldOn) => new(
        [.. Everyone], [DataBasisKind.QuantitativeDataPackage], ["Data viser fremgang i trivsel."], ["Dele god praksis."],
        DecisionKind.NextSteps, "Arbejde videre med fokusområdet.", [new("Følge op på data", "Leder", heldOn.AddDays(90))], null,
        "Børneinterviews i små grupper.");
}

/// <summary>A generated unit and the role ids its people act as.</summary>
internal sealed record SimulatedUnit(int Index, string Id, Sector Sector, bool SelfOwned, Actor Chief, Actor Leader, Actor Board);
