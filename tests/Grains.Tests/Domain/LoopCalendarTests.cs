using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class LoopCalendarTests
{
    private static LoopCalendar Calendar(Unit u, LoopId loop) => LoopCalendarBuilder.Build(loop, Wheel(u).Settings, u.SelfOwned);

    [Fact]
    public void DagtilbudLoopOf2023HasConversationsSpring2023Autumn2023Spring2024Autumn2024()
    {
        var calendar = Calendar(Unit(Sector.Dagtilbud), Loop0To6Of2023);
        Assert.Equal(["2023-Spring", "2023-Autumn", "2024-Spring", "2024-Autumn"], calendar.Conversations.Select(c => c.Period.ToString()));
        Assert.Equal([1, 1, 2, 2], calendar.Conversations.Select(c => c.LoopYear));
        Assert.True(calendar.Conversations[0].IsFirst);
    }

    [Fact]
    public void FirstConversationFollowsImmediatelyAfterThePoliticalTreatment()
    {
        var first = Calendar(Unit(), Loop0To6Of2023).Conversations[0];
        Assert.Equal(new DateOnly(2023, 4, 1), first.WindowOpen);
        Assert.Equal(new DateOnly(2023, 6, 15), first.WindowClose);
        Assert.Equal(new DateOnly(2023, 2, 1), first.DataRelease);
    }

    [Fact]
    public void SchoolAndFuLoopsStartWithTheSixToEighteenReportInEvenYears()
    {
        var calendar = Calendar(Unit(Sector.Fu), Loop6To18Of2024);
        Assert.Equal(new DateOnly(2024, 3, 31), calendar.Treatment);
        Assert.Equal(["2024-Spring", "2024-Autumn", "2025-Spring", "2025-Autumn"], calendar.Conversations.Select(c => c.Period.ToString()));
    }

    [Fact]
    public void DataPackagesAreReleasedBeforeEachConversationWindow()
    {
        foreach (var c in Calendar(Unit(), Loop0To6Of2023).Conversations)
            Assert.True(c.DataRelease < c.WindowOpen);
        Assert.Equal(new DateOnly(2023, 9, 1), Calendar(Unit(), Loop0To6Of2023).Conversations[1].DataRelease);
    }

    [Fact]
    public void SixOneToOnesAYearThreeBetweenConversations()
    {
        var calendar = Calendar(Unit(), Loop0To6Of2023);
        Assert.Equal(12, calendar.OneToOnes.Length);
        foreach (var c in calendar.Conversations)
            Assert.Equal(3, calendar.OneToOnes.Count(o => o.After == c.Period));
        for (var i = 0; i < calendar.Conversations.Length - 1; i++)
        {
            var (from, to) = (calendar.Conversations[i].WindowClose, calendar.Conversations[i + 1].WindowOpen);
            var between = calendar.OneToOnes.Where(o => o.After == calendar.Conversations[i].Period).ToArray();
            Assert.All(between, o => Assert.True(o.Due > calendar.Conversations[i].Anchor && o.Due < calendar.Conversations[i + 1].Anchor));
            Assert.True(between.Length == 3 && from < to);
        }
        var start = calendar.Conversations[0].Anchor;
        Assert.Equal(6, calendar.OneToOnes.Count(o => o.Due > start && o.Due <= start.AddYears(1)));
    }

    [Fact]
    public void OneToOnesAreSpreadEvenlyBetweenConversations()
    {
        var calendar = Calendar(Unit(), Loop0To6Of2023);
        var first = calendar.Conversations[0];
        var second = calendar.Conversations[1];
        var dues = calendar.OneToOnes.Where(o => o.After == first.Period).Select(o => o.Due.DayNumber).ToArray();
        var points = new[] { first.Anchor.DayNumber }.Concat(dues).Append(second.Anchor.DayNumber).ToArray();
        var gaps = points.Zip(points.Skip(1), (a, b) => b - a).ToArray();
        Assert.True(gaps.Max() - gaps.Min() <= 1, $"gaps {string.Join(",", gaps)}");
        Assert.Equal("2023-Spring.1", calendar.OneToOnes[0].Key);
    }

    [Fact]
    public void SelfOwnedDaycareBoardReportsAreDueFirstNovemberEachYear()
    {
        var calendar = Calendar(Unit(selfOwned: true), Loop0To6Of2023);
        Assert.Equal([new DateOnly(2023, 11, 1), new DateOnly(2024, 11, 1)], calendar.BoardReports.Select(b => b.Due));
        Assert.Equal(new DateOnly(2023, 12, 1), calendar.NominalChiefReview(calendar.BoardReports[0]));
        Assert.Empty(Calendar(Unit(), Loop0To6Of2023).BoardReports);
    }

    [Fact]
    public void LoopEndsAfterTheLastWindowAndOpsamlingIsDueBeforeTheNextReport()
    {
        var calendar = Calendar(Unit(), Loop0To6Of2023);
        Assert.Equal(new DateOnly(2024, 12, 16), calendar.LoopEnd);
        Assert.Equal(new DateOnly(2025, 1, 15), calendar.OpsamlingDue);
        Assert.Equal(new DateOnly(2025, 3, 31), calendar.NextTreatment);
    }

    [Fact]
    public void OneConversationAYearIsExpressibleAsConfiguration()
    {
        var settings = Wheel(Unit()).Settings with { ConversationSeasons = [Season.Autumn] };
        Assert.Empty(WheelSettingsRules.Validate(settings));
        var calendar = LoopCalendarBuilder.Build(Loop0To6Of2023, settings, selfOwned: false);
        Assert.Equal(["2023-Autumn", "2024-Autumn"], calendar.Conversations.Select(c => c.Period.ToString()));
        Assert.Equal(12, calendar.OneToOnes.Length);
    }

    [Fact]
    public void ThreeOneToOnesAYearForSpecialUnitsIsExpressibleAsConfiguration()
    {
        var settings = Wheel(Unit(special: true)).Settings with { OneToOnesPerYear = 3 };
        var calendar = LoopCalendarBuilder.Build(Loop0To6Of2023, settings, selfOwned: false);
        Assert.Equal(6, calendar.OneToOnes.Length);
        Assert.All(calendar.Conversations, c => Assert.InRange(calendar.OneToOnes.Count(o => o.After == c.Period), 1, 2));
    }
}
