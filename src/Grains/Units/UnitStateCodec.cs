using System.Collections.Concurrent;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Units;

/// <summary>Between the domain's <see cref="UnitLoopState"/> and its stored form: drops what is derived, recomputes it on load.</summary>
public static class UnitStateCodec
{
    public static StoredLoop Encode(UnitLoopState s) => new()
    {
        Unit = s.Unit,
        Loop = s.Loop,
        WheelVersion = s.WheelVersion,
        Settings = s.WheelVersion == 0 && s.Settings.SameAs(Defaults(s.Unit)) ? null : s.Settings,
        TrackedFrom = s.TrackedFrom,
        Conversations = [.. s.Conversations.Select(c => new StoredConversation(c.Status, c.ScheduledFor, c.ScheduledBy, c.HeldAt, c.HeldBy,
            c.BoardStatements, c.RecordVersions, c.RecordedAt, c.RecordedRoles.IsDefaultOrEmpty ? null : c.RecordedRoles))],
        OneToOnes = [.. s.OneToOnes.Select(o => new StoredOccurrence(o.Status, o.ScheduledFor, o.HeldAt, o.HeldBy, o.RecordedAt, o.RecordedBy))],
        BoardReports = NullIfEmpty(s.BoardReports.Select(b => new StoredBoardReport(b.Status, b.SubmittedBy, b.SubmittedAt, b.ReviewDue,
            b.ReviewedBy, b.ReviewedAt, b.ReviewNote, b.FollowUpDue, b.FollowUpHeldAt))),
        Cases = s.BoardReports.Any(b => b.Case is not null) ? [.. s.BoardReports.Select(b => b.Case)] : null,
        Themes = s.Themes,
        FocusAreas = NullIfEmpty(s.FocusAreaHistory),
        Agreements = NullIfEmpty(s.Agreements.Items.Select(a => new StoredAgreement(a.Id, a.Action, a.Owner, a.Due, a.CreatedBy, a.CreatedAt,
            a.Status, a.ClosedAt, a.ClosedBy, a.ClosingNote))),
        Tasks = NullIfEmpty(s.Tasks.Items.Select(t => new StoredTask(t.Kind, t.Occurrence, t.Assignee, t.Due, t.State, t.RaisedAt,
            t.ClosedAt, t.ClosedBy, t.Chief == s.Unit.Chief ? null : t.Chief.Value))),
        Opsamling = s.Opsamling,
        PastLoops = NullIfEmpty(s.PastLoops),
    };

    public static UnitLoopState Decode(StoredLoop stored)
    {
        var unit = stored.Unit;
        var settings = stored.Settings ?? Defaults(unit);
        var calendar = LoopCalendarBuilder.Build(stored.Loop, settings, unit.SelfOwned);
        Require(calendar.Conversations.Length == stored.Conversations.Length && calendar.OneToOnes.Length == stored.OneToOnes.Length
            && calendar.BoardReports.Length == (stored.BoardReports?.Length ?? 0), stored);
        return new UnitLoopState(unit, stored.Loop, stored.WheelVersion, settings, calendar)
        {
            TrackedFrom = stored.TrackedFrom,
            Conversations = [.. calendar.Conversations.Select((slot, i) => Conversation(slot, stored.Conversations[i]))],
            OneToOnes = [.. calendar.OneToOnes.Select((slot, i) => OneToOne(slot, stored.OneToOnes[i]))],
            BoardReports = [.. calendar.BoardReports.Select((slot, i) => BoardReport(slot, stored.BoardReports!.Value[i]) with
            {
                Case = stored.Cases is { } cases && i < cases.Length ? cases[i] : null,
            })],
            Themes = stored.Themes,
            FocusAreaHistory = stored.FocusAreas ?? [],
            Agreements = new AgreementLedger([.. (stored.Agreements ?? []).Select(Agreement)]),
            Tasks = new TaskBook([.. (stored.Tasks ?? []).Select(t => Task(unit, t))]),
            Opsamling = stored.Opsamling,
            PastLoops = stored.PastLoops ?? [],
        };
    }

    private static readonly ConcurrentDictionary<WheelConfigKey, WheelSettings> _defaults = new();

    /// <summary>The built-in version 0 of the unit's wheel (the flags are the loop's own).</summary>
    private static WheelSettings Defaults(Unit unit) => _defaults.GetOrAdd(WheelConfigKey.For(unit), WheelDefaults.For);

    private static Conversation Conversation(ConversationSlot slot, StoredConversation c) => new(slot, c.Status)
    {
        ScheduledFor = c.ScheduledFor, ScheduledBy = c.ScheduledBy, HeldAt = c.HeldAt, HeldBy = c.HeldBy,
        BoardStatements = c.Statements, RecordVersions = c.Versions, RecordedAt = c.RecordedAt, RecordedRoles = c.Roles ?? [],
    };

    private static OneToOne OneToOne(OneToOneSlot slot, StoredOccurrence o) => new(slot, o.Status)
    {
        ScheduledFor = o.ScheduledFor, HeldAt = o.HeldAt, HeldBy = o.HeldBy, RecordedAt = o.RecordedAt, RecordedBy = o.RecordedBy,
    };

    private static BoardReport BoardReport(BoardReportSlot slot, StoredBoardReport b) => new(slot, b.Status)
    {
        SubmittedBy = b.SubmittedBy, SubmittedAt = b.SubmittedAt, ReviewDue = b.ReviewDue, ReviewedBy = b.ReviewedBy, ReviewedAt = b.ReviewedAt,
        ReviewNote = b.ReviewNote, FollowUpDue = b.FollowUpDue, FollowUpHeldAt = b.FollowUpHeldAt,
    };

    private static LoopTask Task(Unit unit, StoredTask t) => new(
        LoopTask.IdOf(unit.Id, t.Kind, t.Occurrence, t.Assignee), t.Kind, unit.Id, t.Occurrence, t.Assignee,
        t.Chief is null ? unit.Chief : ChiefId.Parse(t.Chief), t.Due, t.State, t.RaisedAt, t.ClosedAt, t.ClosedBy);

    private static Agreement Agreement(StoredAgreement a) =>
        new(a.Id, SourceOf(a.Id), a.Action, a.Owner, a.Due, a.CreatedBy, a.CreatedAt, a.Status, a.ClosedAt, a.ClosedBy, a.Note);

    /// <summary>Reads "conversation:2023-Spring#1" or "one-to-one:2023-Spring.2#1" (see <see cref="AgreementLedger.IdOf"/>).</summary>
    private static AgreementSource SourceOf(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        var hash = id.LastIndexOf('#');
        if (colon <= 0 || hash <= colon) throw new DomainInvariantException($"'{id}' is not an agreement id.");
        var kind = id[..colon] == "conversation" ? AgreementSourceKind.Conversation : AgreementSourceKind.OneToOne;
        return new AgreementSource(kind, id[(colon + 1)..hash]);
    }

    private static ImmutableArray<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var array = items.ToImmutableArray();
        return array.IsDefaultOrEmpty ? null : array;
    }

    private static void Require(bool consistent, StoredLoop stored)
    {
        if (!consistent) throw new DomainInvariantException($"The stored loop {stored.Loop} of unit {stored.Unit.Id} does not match its calendar.");
    }
}
