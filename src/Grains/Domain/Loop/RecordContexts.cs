using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>Gathers what the minutes rules of one samtale depend on from the rest of the loop.</summary>
internal static class RecordContexts
{
    public static RecordContext For(UnitLoopState s, Conversation c)
    {
        var sameYear = s.Conversations.Where(x => x.Slot.LoopYear == c.Slot.LoopYear).ToArray();
        var others = s.Conversations.Where(x => x.Period != c.Period).ToArray();
        var untrackedThisYear = sameYear.Any(x => x.Status == ConversationStatus.BeforeTracking);
        var untrackedInLoop = s.Conversations.Any(x => x.Status == ConversationStatus.BeforeTracking);
        return new RecordContext(
            c.Slot,
            DomainDates.DayOf(c.HeldAt ?? s.TrackedFrom),
            s.Settings.Participants,
            s.Settings.BoardPerspectiveAtLaterConversations && !s.Unit.SelfOwned && !c.Slot.IsFirst,
            c.BoardStatements > 0,
            CheckYearlyAttendance: !untrackedThisYear && sameYear.Max(x => x.Slot.Number) == c.Slot.Number,
            CheckLoopAttendance: !untrackedInLoop && s.Conversations.Max(x => x.Slot.Number) == c.Slot.Number,
            Roles(others.Where(x => x.Slot.LoopYear == c.Slot.LoopYear)),
            Roles(others));
    }

    private static ImmutableHashSet<ParticipantRole> Roles(IEnumerable<Conversation> conversations) =>
        [.. conversations.SelectMany(x => x.RecordedRoles)];
}
