using OrleansTilsyn.Contracts.Grains;
using static OrleansTilsyn.Grains.Tests.Loop.LoopHarness;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>
/// Drives the handful of units through three years on the fake clock (a full 0-6 loop from 2023 and a
/// full 6-18 loop from 2024), acting as their people every day, and checks the chiefs' inboxes daily.
/// </summary>
public sealed class FullLoopTests
{
    private static readonly DateOnly FirstDay = DateOnly.FromDateTime(Start.UtcDateTime);
    private static readonly DateOnly LastDay = new(2026, 4, 2);
    private static readonly string[] Chiefs = ["chief-a", "chief-b"];

    private sealed record Seen(DateOnly First, TaskDto Last, DateOnly? FirstOverdue);

    [Fact]
    public async Task EveryTaskAppearsOnItsDateInTheRightInboxClosesWhenDoneAndTurnsOverdueWhenItsTimePasses()
    {
        await using var h = await LoopHarness.StartAsync();
        await h.SeedAsync();
        var user = new LoopUser(h) { Skips = (unit, occurrence) => (unit == "sk-1" && occurrence.EndsWith(".1", StringComparison.Ordinal)) || (unit == "fu-1" && occurrence == "2023-Autumn") };
        var seen = new Dictionary<string, Seen>();
        var timelines = new Dictionary<(string Unit, string Loop), TimelineDto>();
        await SnapshotAsync(h, FirstDay, seen, timelines);
        for (var day = FirstDay.AddDays(1); day <= LastDay; day = day.AddDays(1))
        {
            await h.AdvanceToAsync(At(day, 6));
            await SnapshotAsync(h, day, seen, timelines);
            await h.AdvanceToAsync(At(day, 9));
            foreach (var unit in UnitIds) await user.ActAsync(unit, day);
        }

        var expected = ExpectedReminderTasks(timelines);
        Assert.True(expected.Count > 150, $"only {expected.Count} reminder-driven tasks expected");
        foreach (var (id, (day, due)) in expected)
        {
            Assert.True(seen.TryGetValue(id, out var task), $"task {id} (due to appear {day}) never appeared");
            Assert.Equal((id, day), (id, task.First));
            // Raised as of the time its agenda item took effect (AgendaRun).
            Assert.Equal((id, due), (id, DateOnly.FromDateTime(task.Last.RaisedAt.UtcDateTime)));
        }

        var reminderKinds = new[] { TaskKind.PrepareConversation, TaskKind.ScheduleConversation, TaskKind.HoldOneToOne, TaskKind.SubmitBoardReport, TaskKind.Opsamling };
        Assert.All(seen.Where(s => reminderKinds.Contains(s.Value.Last.Kind)), s => Assert.Contains(s.Key, expected.Keys));
        AssertClosedByTheirActions(user, seen);
        AssertOverdueWhenTheirTimePassed(seen, timelines);
    }

    private static async Task SnapshotAsync(LoopHarness h, DateOnly day, Dictionary<string, Seen> seen, Dictionary<(string, string), TimelineDto> timelines)
    {
        foreach (var chief in Chiefs)
        {
            var all = await h.Ok(Chief(chief), g => g.GetGrain<IChiefGrain>(chief).GetInboxAsync(new(OnlyMine: false, IncludeDone: true)));
            var mine = await h.Ok(Chief(chief), g => g.GetGrain<IChiefGrain>(chief).GetInboxAsync(new(OnlyMine: true)));
            Assert.Empty(all.UnitsNotReached);
            Assert.All(all.Tasks, t => Assert.Equal((t.Id, chief), (t.Id, ChiefOf(t.Unit))));
            Assert.All(mine.Tasks, t => Assert.Equal((t.Id, AssigneeRole.Chief, true), (t.Id, t.Assignee, t.State != TaskState.Done)));
            Assert.Equal(all.Tasks.Where(t => t.Assignee == AssigneeRole.Chief && t.State != TaskState.Done).Select(t => t.Id).Order(), mine.Tasks.Select(t => t.Id).Order());
            foreach (var t in all.Tasks)
            {
                var previous = seen.GetValueOrDefault(t.Id);
                var overdue = previous?.FirstOverdue ?? (t.State == TaskState.Overdue ? day : null);
                seen[t.Id] = new Seen(previous?.First ?? day, t, overdue);
            }
        }

        foreach (var unit in UnitIds)
        {
            var timeline = await h.Ok(Leader(unit), g => g.GetGrain<IUnitGrain>(unit).GetTimelineAsync());
            timelines[(unit, timeline.Loop)] = timeline;
        }
    }

    /// <summary>
    /// Reminder-driven tasks, the day each must appear (its calendar day, or the day tracking began if that was later)
    /// and the day it is raised as of.
    /// </summary>
    private static Dictionary<string, (DateOnly Appears, DateOnly Due)> ExpectedReminderTasks(Dictionary<(string Unit, string Loop), TimelineDto> timelines)
    {
        var expected = new Dictionary<string, (DateOnly, DateOnly)>();
        foreach (var ((unit, loop), t) in timelines)
        {
            var tracked = t.Treatment > FirstDay ? t.Treatment : FirstDay;
            var holder = unit == "dt-self" ? AssigneeRole.Board : AssigneeRole.Chief;
            void Expect(TaskKind kind, string occurrence, AssigneeRole assignee, DateOnly day)
            {
                var on = day > tracked ? day : tracked;
                // A loop the agenda started raises what was due before its start at the start; in a loop already running
                // when the unit was registered, an item takes effect at its due time, also one due before registration.
                if (on <= LastDay) expected[$"{unit}/{kind}/{occurrence}/{assignee}"] = (on, t.Treatment > FirstDay ? on : day);
            }

            foreach (var c in t.Conversations.Where(c => c.Status != ConversationStatus.BeforeTracking))
            {
                Expect(TaskKind.PrepareConversation, c.Period, AssigneeRole.Leader, c.DataRelease);
                Expect(TaskKind.PrepareConversation, c.Period, holder, c.DataRelease);
                Expect(TaskKind.ScheduleConversation, c.Period, holder, c.WindowOpen);
            }

            foreach (var o in t.OneToOnes.Where(o => o.Status != OneToOneStatus.BeforeTracking))
                Expect(TaskKind.HoldOneToOne, o.Key, AssigneeRole.Chief, o.Due.AddDays(-21));
            foreach (var b in t.BoardReports.Where(b => b.Status != BoardReportStatus.BeforeTracking))
                Expect(TaskKind.SubmitBoardReport, b.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), AssigneeRole.Board, b.Due.AddDays(-30));
            if (t.LoopEnd >= tracked) Expect(TaskKind.Opsamling, loop, AssigneeRole.Leader, t.LoopEnd);
        }

        return expected;
    }

    private static void AssertClosedByTheirActions(LoopUser user, Dictionary<string, Seen> seen)
    {
        var checkedTasks = 0;
        foreach (var ((unit, action, occurrence), day) in user.Done)
        {
            var holder = unit == "dt-self" ? AssigneeRole.Board : AssigneeRole.Chief;
            var closes = action switch
            {
                "ScheduleConversation" => [(TaskKind.ScheduleConversation, holder)],
                "HoldConversation" => new[] { (TaskKind.PrepareConversation, AssigneeRole.Leader), (TaskKind.PrepareConversation, holder), (TaskKind.HoldConversation, holder) },
                "WriteMinutes" => [(TaskKind.WriteMinutes, AssigneeRole.Leader)],
                "HoldOneToOne" => [(TaskKind.HoldOneToOne, AssigneeRole.Chief)],
                "Opsamling" => [(TaskKind.Opsamling, AssigneeRole.Leader)],
                "Pending" => [(TaskKind.SubmitBoardReport, AssigneeRole.Board)],
                "Submitted" => [(TaskKind.ReviewBoardReport, AssigneeRole.Chief)],
                _ => [(TaskKind.HoldBoardFollowUpMeeting, AssigneeRole.Chief)],
            };
            foreach (var (kind, assignee) in closes)
            {
                var id = $"{unit}/{kind}/{occurrence}/{assignee}";
                if (!seen.TryGetValue(id, out var task)) continue;
                checkedTasks++;
                Assert.Equal((id, TaskState.Done, day), (id, task.Last.State, DateOnly.FromDateTime(task.Last.ClosedAt!.Value.UtcDateTime)));
            }
        }

        Assert.True(checkedTasks > 150, $"only {checkedTasks} closed tasks checked");
        Assert.Contains(user.Done.Keys, k => k.Action == "Submitted");
        Assert.Contains(user.Done.Keys, k => k.Action == "FollowUpRequired");
        Assert.Equal(["0-6/2023", "0-6/2023", "0-6/2023", "6-18/2022", "6-18/2022", "6-18/2024", "6-18/2024"],
            user.Done.Keys.Where(k => k.Action == "Opsamling").Select(k => k.Occurrence).Order());
    }

    private static void AssertOverdueWhenTheirTimePassed(Dictionary<string, Seen> seen, Dictionary<(string Unit, string Loop), TimelineDto> timelines)
    {
        var skipped1To1 = timelines.Where(t => t.Key.Unit == "sk-1").SelectMany(t => t.Value.OneToOnes)
            .Where(o => o.Key.EndsWith(".1", StringComparison.Ordinal) && o.Status != OneToOneStatus.BeforeTracking && o.Due < LastDay).ToArray();
        Assert.True(skipped1To1.Length >= 4);
        foreach (var o in skipped1To1)
            Assert.Equal(o.Due.AddDays(1), seen[$"sk-1/HoldOneToOne/{o.Key}/Chief"].FirstOverdue);
        var autumn = timelines[("fu-1", "6-18/2022")].Conversations.Single(c => c.Period == "2023-Autumn");
        Assert.Equal(autumn.WindowClose.AddDays(1), seen["fu-1/ScheduleConversation/2023-Autumn/Chief"].FirstOverdue);
        Assert.Equal(autumn.WindowClose.AddDays(1), seen["fu-1/PrepareConversation/2023-Autumn/Leader"].FirstOverdue);
        Assert.All(seen.Values.Where(s => s.Last.Unit is not ("sk-1" or "fu-1")), s => Assert.Null(s.FirstOverdue));
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
