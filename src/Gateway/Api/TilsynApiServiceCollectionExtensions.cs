using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansTilsyn.Gateway.Api.Calls;
using OrleansTilsyn.Gateway.Grpc;
using OrleansTilsyn.Gateway.Hosting;
using OrleansTilsyn.Gateway.Security;

namespace OrleansTilsyn.Gateway.Api;

public static class TilsynApiServiceCollectionExtensions
{
    /// <summary>
    /// The tilsyn.v1 services over the co-hosted silo's grains, the grain-backed <see cref="IPortfolioLookup"/>
    /// (call before <c>AddTilsynSecurity</c>, which otherwise falls back to the static demo organisation),
    /// the cache of exact answers to repeated changes (<c>Gateway:Idempotency</c>), and WatchInbox intervals (<c>Gateway:Inbox</c>).
    /// </summary>
    public static WebApplicationBuilder AddTilsynApi(this WebApplicationBuilder builder)
    {
        var idempotency = builder.Configuration.GetSection(IdempotencyOptions.SectionName).Get<IdempotencyOptions>() ?? new();
        if (idempotency.MaxEntries < 1 || idempotency.Retention <= TimeSpan.Zero)
            throw new InvalidOperationException($"{IdempotencyOptions.SectionName}: MaxEntries and Retention must be positive.");
        builder.Services.AddSingleton(new IdempotencyCache(idempotency, TimeProvider.System));
        builder.Services.TryAddSingleton(new RequestKeys(TimeProvider.System));
        builder.Services.AddOptions<InboxWatchOptions>().Bind(builder.Configuration.GetSection(InboxWatchOptions.SectionName))
            .Validate(o => o.RenewEvery > TimeSpan.Zero && o.HeartbeatEvery > TimeSpan.Zero, $"{InboxWatchOptions.SectionName}: intervals must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IPortfolioLookup, GrainPortfolioLookup>();
        builder.Services.AddSingleton<ApiCalls>();
        builder.Services.Configure<GrpcHealthChecksOptions>(TilsynApi.MapHealthNames);
        builder.Services.AddSingleton<UnitsService>();
        builder.Services.AddSingleton<LoopsService>();
        builder.Services.AddSingleton<DataPackagesService>();
        builder.Services.AddSingleton<InboxService>();
        builder.Services.AddSingleton<AreasService>();
        builder.Services.AddSingleton<AdministrationService>();
        builder.Services.AddSingleton<OperationsService>();
        return builder;
    }
}
