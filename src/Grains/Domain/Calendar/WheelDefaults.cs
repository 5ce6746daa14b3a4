using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// Version 0 of every wheel: SPEC "Årshjul defaults" plus the framework's participant table.
/// Special units get the same cadence as everyone (the adopted framework kept the number of
/// samtaler); one samtale or three 1:1s a year are a configuration change, not code.
/// Version 0 is stored history: unit grains keep a loop started on it by its version number alone and
/// read these values back, so never change them; add a configuration version instead.
/// </summary>
public static class WheelDefaults
{
    public static readonly ImmutableArray<SeasonWindow> Seasons =
    [
        new(Season.Spring, new MonthDay(2, 1), new MonthDay(3, 1), new MonthDay(6, 15)),
        new(Season.Autumn, new MonthDay(9, 1), new MonthDay(10, 1), new MonthDay(12, 15)),
    ];

    public static WheelSettings For(WheelConfigKey key) => new(
        QualityReportTreated: new MonthDay(3, 31),
        Seasons: Seasons,
        ConversationSeasons: [Season.Spring, Season.Autumn],
        MinutesDueDays: 14,
        OneToOnesPerYear: 6,
        OneToOneNoticeDays: 21,
        BoardReportDue: new MonthDay(11, 1),
        BoardReportNoticeDays: 30,
        ChiefReviewDays: 30,
        FollowUpMeetingDays: 60,
        FocusAreaOverviewDays: 30,
        OpsamlingDue: new MonthDay(1, 15),
        Participants: ParticipantsFor(key.Sector, key.SelfOwned),
        BoardPerspectiveAtLaterConversations: true);

    /// <summary>The framework's "Deltagerkreds" per sector; ad-hoc participants are never required.</summary>
    public static ImmutableArray<ParticipantRequirement> ParticipantsFor(Sector sector, bool selfOwned)
    {
        var every = Attendance.EveryConversation;
        var list = ImmutableArray.CreateBuilder<ParticipantRequirement>();
        if (selfOwned) list.Add(new(ParticipantRole.BoardRepresentative, every));
        else list.Add(new(ParticipantRole.Chief, every));
        list.Add(new(ParticipantRole.Leader, every));
        if (sector == Sector.Fu)
        {
            list.Add(new(ParticipantRole.FuDeputy, every));
            list.Add(new(ParticipantRole.LeisureCentreLeader, every));
            list.Add(new(ParticipantRole.YouthSchoolCoordinator, every));
        }
        else
        {
            list.Add(new(ParticipantRole.PedagogicalLeader, every));
        }
        list.Add(new(ParticipantRole.EmployeeRepresentative, every));
        if (!selfOwned) list.Add(new(ParticipantRole.BoardRepresentative, Attendance.FirstConversation));
        list.Add(new(ParticipantRole.ProfessionalConsultant, every));
        if (sector == Sector.Fu)
        {
            list.Add(new(ParticipantRole.DepartmentLeaderRepresentative, Attendance.OncePerYear));
            list.Add(new(ParticipantRole.YouthRepresentative, Attendance.OncePerYear));
        }
        return list.ToImmutable();
    }
}
