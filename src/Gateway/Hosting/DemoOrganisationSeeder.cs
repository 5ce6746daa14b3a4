using OrleansTilsyn.Contracts.Grains;
using OrleansTilsyn.Contracts.Model;
using Orleans;
using OrleansTilsyn.Contracts.Calls;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// On start with an empty directory, registers the demo organisation (the organisation grain's
/// <c>SeedDemoAsync</c>: the demo units under six chiefs, the political themes of the running loops and
/// the latest data package of each sector), so the embedded default answers the demo tokens at once.
/// Runs after the silo started and before the server listens; a directory with units is left alone.
/// </summary>
internal sealed partial class DemoOrganisationSeeder(IGrainFactory grains, ILogger<DemoOrganisationSeeder> logger) : IHostedService
{
    public static CallerIdentity Seeder { get; } = new("system:demo-seed", "Demodata", CallerIdentity.SystemRole, "demo-seed");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (CallerContext.As(Seeder))
        {
            var directory = grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton);
            var units = await directory.ListUnitsAsync(new UnitQuery(PageSize: 1)).WaitAsync(cancellationToken);
            if (!units.IsSuccess || units.Value.Total > 0) return;
            var seeded = await directory.SeedDemoAsync().WaitAsync(cancellationToken);
            if (seeded.IsSuccess) LogSeeded(logger, seeded.Value.Units, seeded.Value.Chiefs, seeded.Value.NotRegistered.Length);
            else LogFailed(logger, seeded.Problem.ToString());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The store was empty: registered the demo organisation ({Units} units, {Chiefs} chiefs; {NotRegistered} not reached)")]
    private static partial void LogSeeded(ILogger logger, int units, int chiefs, int notRegistered);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo organisation could not be registered: {Problem}")]
    private static partial void LogFailed(ILogger logger, string problem);
}

/// <summary>Configuration section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Register the demo organisation when the store has no units. Default: on in demo mode
    /// (<c>Auth:Demo=true</c>, the embedded default), off with an OIDC provider or a JWKS file (production).</summary>
    public bool? SeedWhenEmpty { get; set; }
}
