using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>What the rules for one samtale's minutes depend on, gathered from the loop.</summary>
public sealed record RecordContext(
    ConversationSlot Slot,
    DateOnly HeldOn,
    ImmutableArray<ParticipantRequirement> Requirements,
    bool BoardPerspectiveRequired,
    bool HasBoardStatement,
    bool CheckYearlyAttendance,
    bool CheckLoopAttendance,
    ImmutableHashSet<ParticipantRole> RolesElsewhereThisYear,
    ImmutableHashSet<ParticipantRole> RolesElsewhereThisLoop);
