using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Loop;
using OrleansTilsyn.Grains.Domain.Organisation;
using static OrleansTilsyn.Grains.Tests.Domain.Fixtures;

namespace OrleansTilsyn.Grains.Tests.Domain;

public sealed class WheelConfigurationTests
{
    private static readonly WheelConfigKey Special = new(Sector.Dagtilbud, false, true);

    [Fact]
    public void DefaultsFollowTheSpecAndTheFramework()
    {
        var s = WheelDefaults.For(new WheelConfigKey(Sector.Dagtilbud, false, false));
        Assert.Equal(new MonthDay(3, 31), s.QualityReportTreated);
        Assert.Equal(6, s.OneToOnesPerYear);
        Assert.Equal(14, s.MinutesDueDays);
        Assert.Equal(new MonthDay(11, 1), s.BoardReportDue);
        Assert.Equal(30, s.ChiefReviewDays);
        Assert.Equal(new[] { Season.Spring, Season.Autumn }, s.ConversationSeasons.ToArray());
        Assert.Empty(WheelSettingsRules.Validate(s));
    }

    [Fact]
    public void NewVersionAppliesOnlyToLoopsStartingOnOrAfterItsEffectiveDate()
    {
        var three = WheelDefaults.For(Special) with { OneToOnesPerYear = 3 };
        var config = Ok(WheelConfiguration.Empty.AddVersion(Special, new DateOnly(2024, 1, 1), three, "forvaltning-1", "høringssvar", At(2023, 6, 1)));
        Assert.Equal(0, config.Resolve(Special, new DateOnly(2023, 3, 31)).Version);
        var later = config.Resolve(Special, new DateOnly(2025, 3, 31));
        Assert.Equal(1, later.Version);
        Assert.Equal(3, later.Settings.OneToOnesPerYear);
    }

    [Fact]
    public void VersionCannotTakeEffectInThePast()
    {
        var result = WheelConfiguration.Empty.AddVersion(Special, new DateOnly(2023, 1, 1), WheelDefaults.For(Special), "forvaltning-1", "ret", At(2023, 6, 1));
        Assert.True(Fails(result, ProblemKind.Invalid).HasViolation("effectiveFrom"));
    }

    [Fact]
    public void InvalidSettingsReportEveryViolation()
    {
        var bad = WheelDefaults.For(Special) with { MinutesDueDays = 0, OneToOnesPerYear = 0, ConversationSeasons = [] };
        var problem = Fails(WheelConfiguration.Empty.AddVersion(Special, new DateOnly(2030, 1, 1), bad, "", "", At(2023, 6, 1)), ProblemKind.Invalid);
        foreach (var field in new[] { "minutesDueDays", "oneToOnesPerYear", "conversationSeasons", "changedBy", "reason" })
            Assert.True(problem.HasViolation(field), field);
    }

    [Fact]
    public void SpecialAndSelfOwnedUnitsFallBackToTheirSectorsVersion()
    {
        var plain = new WheelConfigKey(Sector.Skole, false, false);
        var config = Ok(WheelConfiguration.Empty.AddVersion(plain, new DateOnly(2024, 1, 1),
            WheelDefaults.For(plain) with { MinutesDueDays = 21 }, "forvaltning-1", "længere frist", At(2023, 6, 1)));
        var resolved = config.Resolve(new WheelConfigKey(Sector.Skole, false, true), new DateOnly(2024, 3, 31));
        Assert.Equal(21, resolved.Settings.MinutesDueDays);
    }

    [Fact]
    public void RunningLoopKeepsItsWheelWhenConfigurationChanges()
    {
        var unit = Unit(special: true);
        var state = Started(unit);
        var scheduledOneToOnes = state.Calendar.OneToOnes;
        var config = Ok(WheelConfiguration.Empty.AddVersion(Special, new DateOnly(2023, 6, 1),
            WheelDefaults.For(Special) with { OneToOnesPerYear = 3 }, "forvaltning-1", "høringssvar", At(2023, 5, 1)));
        Assert.Equal(12, state.OneToOnes.Length);
        Assert.Equal(scheduledOneToOnes, state.Calendar.OneToOnes);
        var next = Ok(LoopStart.StartNext(state, unit, config.Resolve(Special, new DateOnly(2025, 3, 31)), Themes(state.Loop.Next()), Admin, At(2025, 3, 31)));
        Assert.Equal(6, next.State.OneToOnes.Length);
        Assert.Equal(1, next.State.WheelVersion);
    }
}
