using OrleansTilsyn.Silo.Simulation;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Grains.Tests.Loop;

/// <summary>The simulator core on a small organisation, checked against behaviour whose outcome is known.</summary>
public sealed class SimulatorTests
{
    private static Task<SimulationReport> RunAsync(double onTime, double lateRecords, double oneToOnes, int silos = 1) =>
        Simulator.RunAsync(new SimulationOptions { Units = 50, OnTime = onTime, LateRecords = lateRecords, OneToOnesHeld = oneToOnes, Seed = 7, Silos = silos },
            new InMemoryGrainStore(), "memory");

    [Fact]
    public async Task TwoSilosOnOneStoreGiveTheSameLoopHealthAsOne()
    {
        var one = await RunAsync(onTime: 0.8, lateRecords: 0.2, oneToOnes: 0.8);
        var two = await RunAsync(onTime: 0.8, lateRecords: 0.2, oneToOnes: 0.8, silos: 2);

        Assert.Equal(0, two.CommandProblems);
        Assert.Equal(one.Commands, two.Commands);
        Assert.Equal(one.Sectors.OrderBy(s => s.Key).Select(s => s.Value.ToString()), two.Sectors.OrderBy(s => s.Key).Select(s => s.Value.ToString()));
        Assert.Equal(one.TasksAtEnd.OrderBy(t => t.Key.ToString()), two.TasksAtEnd.OrderBy(t => t.Key.ToString()));
    }

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
