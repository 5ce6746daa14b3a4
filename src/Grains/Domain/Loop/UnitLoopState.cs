using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Conversations;
using OrleansTilsyn.Grains.Domain.FollowUps;
using OrleansTilsyn.Grains.Domain.Organisation;
using OrleansTilsyn.Grains.Domain.Supervision;
using OrleansTilsyn.Grains.Domain.Tasks;

namespace OrleansTilsyn.Grains.Domain.Loop;

/// <summary>
/// A unit in its current loop: the wheel version it started with (copied, so configuration changes
/// never rewrite it), the computed calendar, every occurrence's progress, the ledger and the tasks.
/// Changed only through the transition functions in this folder.
/// </summary>
public sealed record UnitLoopState(Unit Unit, LoopId Loop, int WheelVersion, WheelSettings Settings, LoopCalendar Calendar)
{
    public DateTimeOffset TrackedFrom { get; init; }

    public ImmutableArray<Conversation> Conversations { get; init; } = [];

    public ImmutableArray<OneToOne> OneToOnes { get; init; } = [];

    public ImmutableArray<BoardReport> BoardReports { get; init; } = [];

    public ThemeSet? Themes { get; init; }

    public ImmutableArray<FocusAreaSelection> FocusAreaHistory { get; init; } = [];

    public AgreementLedger Agreements { get; init; } = AgreementLedger.Empty;

    public TaskBook Tasks { get; init; } = TaskBook.Empty;

    public Opsamling? Opsamling { get; init; }

    public ImmutableArray<LoopSummary> PastLoops { get; init; } = [];

    [JsonIgnore]
    public ConversationHolder Holder => Unit.SelfOwned ? ConversationHolder.Board : ConversationHolder.Chief;

    [JsonIgnore]
    public AssigneeRole HolderRole => Unit.SelfOwned ? AssigneeRole.Board : AssigneeRole.Chief;

    [JsonIgnore]
    public ImmutableArray<FocusArea> FocusAreas => FocusAreaHistory.IsDefaultOrEmpty ? [] : FocusAreaHistory[^1].Areas;

    public Conversation? FindConversation(Period period) => Conversations.FirstOrDefault(c => c.Period == period);

    public OneToOne? FindOneToOne(string key) => OneToOnes.FirstOrDefault(o => o.Key == key);

    public BoardReport? FindBoardReport(int year) => BoardReports.FirstOrDefault(b => b.Year == year);

    public UnitLoopState With(Conversation c) =>
        this with { Conversations = Conversations.Replace(FindConversation(c.Period)!, c) };

    public UnitLoopState With(OneToOne o) => this with { OneToOnes = OneToOnes.Replace(FindOneToOne(o.Key)!, o) };

    public UnitLoopState With(BoardReport b) => this with { BoardReports = BoardReports.Replace(FindBoardReport(b.Year)!, b) };
}
