using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Tests.Domain;

/// <summary>Synthetic units, times and complete minutes for the domain tests.</summary>
internal static class Fixtures
{
    public static readonly LoopId Loop0To6Of2023 = new(AgeArea.ZeroToSix, 2023);
    public static readonly LoopId Loop6To18Of2024 = new(AgeArea.SixToEighteen, 2024);
    public static readonly Period Spring2023 = new(2023, Season.Spring);
    public static readonly Period Autumn2023 = new(2023, Season.Autumn);
    public static readonly Actor Admin = new(ActorRole.Administration, "forvaltning-1");

    public static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public static Unit Unit(Sector sector = Sector.Dagtilbud, bool selfOwned = false, bool special = false, string id = "unit-1") =>
        new(UnitId.Parse(id), $"Enhed {id}", sector, LeaderId.Parse($"leder-{id}"), ChiefId.Parse("bu-chef-1"),
            BoardId.Parse($"bestyrelse-{id}"), [new SubUnit(SubUnitId.Parse($"{id}.1"), "Afdeling Nord")], selfOwned, special);

    public static Actor Chief(Unit u) => new(ActorRole.Chief, u.Chief.Value);
    public static Actor Leader(Unit u) => new(ActorRole.Leader, u.Leader.Value);
    public static Actor Board(Unit u) => new(ActorRole.Board, u.Board!.Value.Value);
    public static Actor Holder(Unit u) => u.SelfOwned ? Board(u) : Chief(u);

    public static WheelVersion Wheel(Unit u) => WheelConfiguration.Empty.Resolve(WheelConfigKey.For(u), new DateOnly(2023, 1, 1));

    public static ThemeSet Themes(LoopId loop) =>
        ThemeSet.Create(loop, 1, [new("TRIVSEL", "Trivsel"), new("SPROG", "Sprog")], "forvaltning-1", At(loop.Year, 3, 31)).Ok;

    public static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success: {result.Problem}");

    public static Problem Fails<T>(Result<T> result, ProblemKind kind)
    {
        Assert.False(result.IsSuccess, "expected a problem");
        Assert.Equal(kind, result.Problem!.Kind);
        return result.Problem;
    }

    /// <summary>The loop started on 1 April of its year (right after the political treatment).</summary>
    public static UnitLoopState Started(Unit u, LoopId? loop = null, DateTimeOffset? now = null)
    {
        var l = loop ?? (u.AgeArea == AgeArea.ZeroToSix ? Loop0To6Of2023 : Loop6To18Of2024);
        return Ok(LoopStart.Start(u, l, Wheel(u), Themes(l), now ?? At(l.Year, 4, 1, 8))).State;
    }

    public static UnitLoopState Held(UnitLoopState s, Period period, DateTimeOffset heldAt)
    {
        var holder = Holder(s.Unit);
        s = Ok(ConversationCommands.Schedule(s, period, heldAt, holder, heldAt.AddDays(-10))).State;
        return Ok(ConversationCommands.Hold(s, period, heldAt, holder, heldAt.AddHours(2))).State;
    }

    /// <summary>Minutes that satisfy every rule for the conversation (all roles of the wheel attend).</summary>
    public static ConversationRecordDraft Record(UnitLoopState s, DateOnly heldOn, ImmutableArray<Participant>? participants = null) =>
        new(participants ?? [.. s.Settings.Participants.Select((p, i) => new Participant($"Deltager {i + 1}", p.Role.ToString(), p.Role))],
            [DataBasisKind.QuantitativeDataPackage, DataBasisKind.ChildrenAndYouthInput],
            ["Det relationelle scorer højst i alle temaer."],
            ["Dele eksempler på god praksis på stuemøder."],
            DecisionKind.NextSteps,
            "Arbejde med et fælles fagligt sprog.",
            [new AgreementDraft("Inddrage ressourcegrupper i læreplanen", "Dagtilbudsleder", heldOn.AddDays(60))],
            "Samtalen gav en fælles retning.",
            "Børneinterviews i små grupper.");

    public static ImmutableArray<Participant> Without(UnitLoopState s, ParticipantRole role) =>
        [.. Record(s, new DateOnly(2023, 5, 1)).Participants.Where(p => p.Role != role)];
}
