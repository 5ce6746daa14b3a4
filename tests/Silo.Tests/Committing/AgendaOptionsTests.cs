using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Grains.Common;
using Xunit;

namespace OrleansTilsyn.Silo.Tests.Committing;

public sealed class AgendaOptionsTests
{
    [Fact]
    public void TheHeartbeatIsOneHourUnlessConfigured()
    {
        Assert.Equal(TimeSpan.FromHours(1), Options(_ => { }).Heartbeat);
        Assert.Equal(TimeSpan.FromMinutes(5), Options(o => o.Heartbeat = TimeSpan.FromMinutes(5)).Heartbeat);
    }

    [Fact]
    public void AHeartbeatUnderOrleansShortestReminderPeriodIsRefused()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options(o => o.Heartbeat = TimeSpan.FromSeconds(30)));

        Assert.Contains("at least", refused.Message, StringComparison.Ordinal);
    }

    private static AgendaOptions Options(Action<AgendaOptions> configure) =>
        new ServiceCollection().AddCommittingGrains(configure).BuildServiceProvider().GetRequiredService<IOptions<AgendaOptions>>().Value;
}
