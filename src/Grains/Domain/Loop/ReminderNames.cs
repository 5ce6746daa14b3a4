using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.Loop;

public enum ReminderKind
{
    DataPackageReleased,
    ConversationWindowOpen,
    OneToOneDue,
    BoardReportDue,
    LoopEnd,
    /// <summary>The next political treatment: the grain resolves the next wheel version and calls <see cref="LoopStart.StartNext"/>.</summary>
    NextLoop,
    TaskOverdue,
}

/// <summary>Stable reminder names derived from the occurrence they belong to, e.g. "conversation-window-open:2023-Spring".</summary>
public static class ReminderNames
{
    private static readonly (ReminderKind Kind, string Prefix)[] Prefixes =
    [
        (ReminderKind.DataPackageReleased, "data-package-released"),
        (ReminderKind.ConversationWindowOpen, "conversation-window-open"),
        (ReminderKind.OneToOneDue, "one-to-one-due"),
        (ReminderKind.BoardReportDue, "board-report-due"),
        (ReminderKind.LoopEnd, "loop-end"),
        (ReminderKind.NextLoop, "next-loop"),
        (ReminderKind.TaskOverdue, "task-overdue"),
    ];

    public static string DataPackageReleased(Period period) => Of(ReminderKind.DataPackageReleased, period.ToString());

    public static string ConversationWindowOpen(Period period) => Of(ReminderKind.ConversationWindowOpen, period.ToString());

    public static string OneToOneDue(string key) => Of(ReminderKind.OneToOneDue, key);

    public static string BoardReportDue(int year) => Of(ReminderKind.BoardReportDue, year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string LoopEnd(LoopId loop) => Of(ReminderKind.LoopEnd, loop.ToString());

    /// <summary>Fires at the treatment that starts <paramref name="next"/>.</summary>
    public static string NextLoop(LoopId next) => Of(ReminderKind.NextLoop, next.ToString());

    /// <summary>
    /// The unit's one overdue check: due when the earliest open task's due day has passed. Every transition
    /// moves it to the next such instant (or cancels it), so raising or closing a task touches no reminder
    /// unless the earliest due day changes.
    /// </summary>
    public static string TasksOverdue { get; } = Of(ReminderKind.TaskOverdue, "open");

    public static string Of(ReminderKind kind, string argument) => $"{Prefixes.First(p => p.Kind == kind).Prefix}:{argument}";

    public static bool TryParse(string? name, out ReminderKind kind, out string argument)
    {
        kind = default;
        argument = "";
        var colon = name?.IndexOf(':') ?? -1;
        if (colon <= 0 || colon == name!.Length - 1) return false;
        var prefix = name[..colon];
        foreach (var p in Prefixes)
        {
            if (p.Prefix != prefix) continue;
            kind = p.Kind;
            argument = name[(colon + 1)..];
            return true;
        }
        return false;
    }
}
