using OrleansTilsyn.Silo.Simulation;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>The simulator core on a small organisation, checked against behaviour whose outcome is known.</summary>
public sealed class SimulatorTests
{
    private static Task<SimulationReport> RunAsync(double onTime, double lateRecords, double oneToOnes) =>
        Simulator.RunAsync(new SimulationOptions { Units = 50, OnTime = onTime, LateRecords = lateRecords, OneToOnesHeld = oneToOnes, Seed = 7 },
            new InMemoryGrainStore(), "memory");

    [Fact]
    public async Task EverySamtaleOnTimeLeavesNoneOverdueAndMinutesOnTimeAreNeverLate()
    {
        var report = await RunAsync(onTime: 1.0, lateRecords: 0.0, oneToOnes: 1.0);
        Assert.Equal(0, report.CommandProblems);
        Assert.All(report.Sectors.Values, s =>
        {
            Assert.True(s.ConversationsDue >= 20, $"only {s.ConversationsDue} samtaler due");
            Assert.Equal((s.ConversationsDue, 0, 0), (s.HeldOnTime, s.HeldLate, s.Overdue));
            Assert.Equal((0, 0), (s.MinutesLate, s.MinutesMissing));
            Assert.Equal(s.OneToOnesDue, s.OneToOnesHeld);
        });
        Assert.Equal(0, report.TasksAtEnd.GetValueOrDefault((TaskKind.ScheduleConversation, TaskState.Overdue)));
        Assert.Equal(0, report.TasksAtEnd.GetValueOrDefault((TaskKind.HoldOneToOne, TaskState.Overdue)));
        Assert.True(report.RemindersDelivered > 50 * 20);
        Assert.InRange(report.AverageUnitStateBytes, 300, 4000);
    }

    [Fact]
    public async Task NoSamtaleOnTimeLeavesEveryOneOverdueAndLateMinutesAreAllLate()
    {
        var report = await RunAsync(onTime: 0.0, lateRecords: 1.0, oneToOnes: 0.0);
        Assert.Equal(0, report.CommandProblems);
        Assert.All(report.Sectors.Values, s =>
        {
            Assert.True(s.ConversationsDue >= 20, $"only {s.ConversationsDue} samtaler due");
            Assert.Equal((0, s.ConversationsDue), (s.HeldOnTime, s.Overdue));
            Assert.True(s.HeldLate > 0, "about half are held after their window");
            Assert.Equal(0, s.MinutesOnTime);
            Assert.Equal(0, s.OneToOnesHeld);
        });
        Assert.True(report.TasksAtEnd.GetValueOrDefault((TaskKind.HoldOneToOne, TaskState.Overdue)) > 0);
    }
}
