using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Grains;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// Acts in the loop as the people of the harness's units would, once a day at 09:00: schedules each
/// samtale when its window opens (for 14 days later), holds it that day, writes the minutes two days
/// later (choosing focus areas after the first), holds and records 1:1s on their due day, submits and
/// reviews board reports, sums up after the loop end. <see cref="Skips"/> leaves chosen occurrences undone.
/// </summary>
internal sealed class LoopUser(LoopHarness h)
{
    /// <summary>(unit, conversation period, 1:1 key or board report year) pairs nobody acts on.</summary>
    public Func<string, string, bool> Skips { get; init; } = (_, _) => false;

    /// <summary>Every action taken: (unit, what, occurrence) → the day.</summary>
    public Dictionary<(string Unit, string Action, string Occurrence), DateOnly> Done { get; } = [];

    public async Task ActAsync(string unit, DateOnly today)
    {
        var timeline = await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).GetTimelineAsync());
        foreach (var c in timeline.Conversations.Where(c => !Skips(unit, c.Period)))
            await ConversationAsync(unit, c, today);
        foreach (var o in timeline.OneToOnes.Where(o => o.Due == today && o.Status is OneToOneStatus.Planned or OneToOneStatus.Scheduled && !Skips(unit, o.Key)))
        {
            await h.Ok(Chief(ChiefOf(unit)), g => g.GetGrain<IUnitGrain>(unit).HoldOneToOneAsync(o.Key, h.Now));
            await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).RecordOneToOneAsync(o.Key,
                new("Drøftet data og fokusområder.", ["Fortsæt med relationsarbejdet"], [new("Følge op på fravær", "Leder", today.AddDays(40))])));
            Done[(unit, "HoldOneToOne", o.Key)] = today;
        }

        foreach (var b in timeline.BoardReports.Where(b => !Skips(unit, b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            await BoardReportAsync(unit, b, today);
        if (today == timeline.LoopEnd.AddDays(5) && (await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).GetStatusAsync())).Opsamling is null)
        {
            await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).SubmitOpsamlingAsync("Relationsarbejdet er forankret i alle afdelinger."));
            Done[(unit, "Opsamling", timeline.Loop)] = today;
        }
    }

    private async Task ConversationAsync(string unit, ConversationDto c, DateOnly today)
    {
        var grain = h.Unit(unit);
        if (c.Status == ConversationStatus.Planned && c.WindowOpen <= today)
        {
            var at = new DateTimeOffset(today.AddDays(14).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            await h.Ok(Holder(unit), _ => grain.ScheduleConversationAsync(c.Period, at));
            Done[(unit, "ScheduleConversation", c.Period)] = today;
        }
        else if (c.Status == ConversationStatus.Scheduled && DateOnly.FromDateTime(c.ScheduledFor!.Value.UtcDateTime) == today)
        {
            await h.Ok(Holder(unit), _ => grain.HoldConversationAsync(c.Period, c.ScheduledFor.Value));
            Done[(unit, "HoldConversation", c.Period)] = today;
        }
        else if (c.Status == ConversationStatus.Held && c.RecordVersions == 0 && DateOnly.FromDateTime(c.HeldAt!.Value.UtcDateTime).AddDays(2) == today)
        {
            await h.Ok(Leader(unit), _ => grain.SubmitMinutesAsync(c.Period, Minutes(today)));
            Done[(unit, "WriteMinutes", c.Period)] = today;
            if (c.Number != 1) return;
            await h.Ok(Leader(unit), _ => grain.ChooseFocusAreasAsync([new("TRIVSEL", "Fællesskaber i overgange"), new("SPROG", "Dialogisk læsning")]));
            await h.Ok(Admin, _ => grain.CompleteFocusAreaOverviewAsync());
        }
    }

    private async Task BoardReportAsync(string unit, BoardReportDto b, DateOnly today)
    {
        var grain = h.Unit(unit);
        if (b.Status == BoardReportStatus.Pending && b.Due.AddDays(-10) == today)
            await h.Ok(Board(unit), _ => grain.SubmitBoardReportAsync(b.Year, new("Basistilsyn gennemført.", "Retningslinjer fulgt.", "Læreplanen evalueret.")));
        else if (b.Status == BoardReportStatus.Submitted && b.Due.AddDays(-9) == today)
            await h.Ok(Chief(ChiefOf(unit)), _ => grain.ReviewBoardReportAsync(b.Year, followUpRequired: b.Year % 2 == 1, note: "Data om sprog kalder på et møde."));
        else if (b.Status == BoardReportStatus.FollowUpRequired && b.Due.AddDays(-2) == today)
            await h.Ok(Chief(ChiefOf(unit)), _ => grain.HoldBoardFollowUpMeetingAsync(b.Year, h.Now));
        else return;
        Done[(unit, b.Status.ToString(), b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))] = today;
    }

    /// <summary>Minutes that meet every rule: everyone attends, data from the package, one agreement.</summary>
    public static MinutesDto Minutes(DateOnly heldOn) => new(
        [.. Enum.GetValues<ParticipantRole>().Where(r => r is not (ParticipantRole.AdHoc or ParticipantRole.MinuteTaker or ParticipantRole.Other))
            .Select((r, i) => new ParticipantDto($"Deltager {i + 1}", r.ToString(), r))],
        [DataBasisKind.QuantitativeDataPackage, DataBasisKind.ChildrenAndYouthInput],
        ["Trivslen er steget i alle afdelinger."],
        ["Dele eksempler på god praksis."],
        DecisionKind.NextSteps,
        "Arbejde med et fælles fagligt sprog.",
        [new("Inddrage ressourcegrupper", "Leder", heldOn.AddDays(60))],
        "Samtalen gav en fælles retning.",
        "Børneinterviews i små grupper.");

    public static ImmutableArray<string> AllUnits => [.. UnitIds];
}
