using Microsoft.Data.Sqlite;
using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Silo.Hosting;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Gateway.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>
    /// Co-hosts a silo in the gateway process on the store chosen by <c>Storage</c>; silo settings
    /// come from the <c>Silo</c> section (e.g. <c>Silo:SiloName</c>, <c>Silo:CallTimeout</c>).
    /// PostgreSQL means several silos may share the store, so reads are revalidated. An empty store is
    /// given the demo organisation unless <c>Demo:SeedWhenEmpty</c> is false (see <see cref="DemoOptions"/>).
    /// </summary>
    public static WebApplicationBuilder AddCoHostedSilo(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        var errors = storage.Validate();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));

        builder.Services.AddTilsynSilo(options =>
        {
            builder.Configuration.GetSection("Silo").Bind(options);
            options.RevalidateReads |= storage.Engine == "postgres";
            options.StoreFactory = services => CreateStore(storage, builder.Environment.ContentRootPath, services);
        });
        builder.Services.AddLoopTelemetry(o => builder.Configuration.GetSection("Telemetry:Loop").Bind(o));
        builder.Services.AddSingleton<StoreHealthProbe>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoreHealthProbe>());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthProbe>("store");
        builder.Services.AddHostedService<DataFolderPermissions>();
        var demo = builder.Configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new();
        if (demo.SeedWhenEmpty ?? AuthStartup.Resolve(builder.Configuration, builder.Environment).Demo)
        {
            // After the silo's hosted service, so the silo runs; before the server, so the first call sees the demo.
            builder.Services.AddHostedService<DemoOrganisationSeeder>();
        }

        return builder;
    }

    private static IGrainStore CreateStore(StorageOptions storage, string contentRoot, IServiceProvider services) => storage.Engine switch
    {
        "postgres" => new PostgresGrainStore(storage.ConnectionString!),
        "memory" => new InMemoryGrainStore(),
        _ => new SqliteGrainStore(
            storage.ConnectionString ?? SqliteFileIn(Path.Combine(contentRoot, storage.DataDirectory)),
            services.GetRequiredService<ILogger<SqliteGrainStore>>()),
    };

    private static string SqliteFileIn(string directory)
    {
        PrivateFiles.CreateFolder(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "tilsyn.db") }.ToString();
    }
}
