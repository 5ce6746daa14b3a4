using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Telemetry;

/// <summary>Adds loop health counts of units together (the sums are counts of the same kind).</summary>
public static class LoopHealthSum
{
    public static LoopHealthDto Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static LoopHealthDto Add(LoopHealthDto a, LoopHealthDto b) => new(
        a.ConversationsHeld + b.ConversationsHeld,
        a.ConversationsOverdue + b.ConversationsOverdue,
        a.OneToOnesHeld + b.OneToOnesHeld,
        a.OneToOnesOverdue + b.OneToOnesOverdue,
        a.OpenTasks + b.OpenTasks,
        a.OverdueTasks + b.OverdueTasks,
        a.BoardReportsOverdue + b.BoardReportsOverdue,
        a.OpenAgreements + b.OpenAgreements,
        a.AgreementsPastDue + b.AgreementsPastDue)
    {
        ConversationsDue = a.ConversationsDue + b.ConversationsDue,
        OneToOnesDue = a.OneToOnesDue + b.OneToOnesDue,
        OneToOnesDueHeld = a.OneToOnesDueHeld + b.OneToOnesDueHeld,
        BoardReportsDue = a.BoardReportsDue + b.BoardReportsDue,
        BoardReportsInReview = a.BoardReportsInReview + b.BoardReportsInReview,
        TasksByKind = [.. a.TasksByKind.Concat(b.TasksByKind).GroupBy(t => t.Kind).OrderBy(g => g.Key)
            .Select(g => new TaskKindHealthDto(g.Key, g.Sum(t => t.Open), g.Sum(t => t.Overdue)))],
        DataReleasesDue = [.. a.DataReleasesDue.Union(b.DataReleasesDue, StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    };

    /// <summary>Anything overdue: samtaler, 1:1s, tasks, board reports or agreements.</summary>
    public static bool HasOverdue(LoopHealthDto h) =>
        h.ConversationsOverdue + h.OneToOnesOverdue + h.OverdueTasks + h.BoardReportsOverdue + h.AgreementsPastDue > 0;

    /// <summary>Held share of the 1:1s whose due day has passed; 1 when none is due yet.</summary>
    public static double Adherence(LoopHealthDto h) => h.OneToOnesDue == 0 ? 1 : h.OneToOnesDueHeld / (double)h.OneToOnesDue;

    public static ImmutableArray<TaskKindHealthDto> AllKinds(LoopHealthDto h) =>
        [.. Enum.GetValues<TaskKind>().Select(k => h.TasksByKind.FirstOrDefault(t => t.Kind == k) ?? new TaskKindHealthDto(k, 0, 0))];
}
