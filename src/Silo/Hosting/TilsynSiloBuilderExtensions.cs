using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansTilsyn.Silo.Audit;
using OrleansTilsyn.Silo.Sqlite;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>The silo's stores for the two deployments of DESIGN.md ("Processes and stores"), and the agenda catch-up both need.</summary>
public static class TilsynSiloBuilderExtensions
{
    /// <summary>
    /// The store chosen by <paramref name="storage"/> (see <see cref="TilsynStorageOptions"/>); a relative data
    /// directory is taken from <paramref name="contentRoot"/>. Throws with every configuration error at once.
    /// </summary>
    public static ISiloBuilder UseTilsynStores(
        this ISiloBuilder builder,
        TilsynStorageOptions storage,
        string contentRoot,
        int siloPort = EndpointOptions.DEFAULT_SILO_PORT,
        int gatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var errors = storage.Validate();
        if (errors.Count > 0) throw new OrleansConfigurationException(string.Join(" ", errors));
        return storage.Engine == TilsynStorageOptions.Azure
            ? builder.UseTilsynClusterStores(storage.AzureConnectionString!, storage.TablePrefix)
            : builder.UseTilsynEmbeddedStores(Path.Combine(contentRoot, storage.DataDirectory), siloPort, gatewayPort);
    }

    /// <summary>
    /// The embedded default: one silo on localhost clustering with the project's SQLite grain storage (default
    /// provider), reminder table and audit log, each a file of its own in <paramref name="dataFolder"/>
    /// (<see cref="TilsynDataFolder"/>; created owner-only). A folder of the previous release is refused at start.
    /// </summary>
    public static ISiloBuilder UseTilsynEmbeddedStores(
        this ISiloBuilder builder,
        string dataFolder,
        int siloPort = EndpointOptions.DEFAULT_SILO_PORT,
        int gatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var folder = Path.GetFullPath(dataFolder);
        builder.ConfigureServices(services => services.AddTransient<IConfigurationValidator>(_ => new TilsynPreviousReleaseCheck(folder)));
        builder.UseLocalhostClustering(siloPort, gatewayPort);
        builder.UseAliasedGrainStateSerializer();
        builder.AddSqliteGrainStorageAsDefault(o => o.FilePath = Path.Combine(folder, TilsynDataFolder.GrainStateFile));
        builder.UseSqliteReminderService(o => o.FilePath = Path.Combine(folder, TilsynDataFolder.RemindersFile));
        builder.ConfigureServices(services => services.AddSqliteAuditLog(o => o.FilePath = Path.Combine(folder, TilsynDataFolder.AuditFile)));
        return builder.AddAgendaCatchUp();
    }

    /// <summary>
    /// The cluster: Orleans' Azure Table membership, grain storage (default provider) and reminders, plus the Azure
    /// Table audit log, in the tables named by <paramref name="tablePrefix"/> (<see cref="TilsynTableNames"/>).
    /// Cluster and service ids (<see cref="ClusterOptions"/>) and endpoints are the deployment's to configure.
    /// </summary>
    public static ISiloBuilder UseTilsynClusterStores(
        this ISiloBuilder builder,
        string azureStorageConnectionString,
        string tablePrefix = TilsynTableNames.DefaultPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(azureStorageConnectionString);
        var tables = new TilsynTableNames(tablePrefix);
        var client = new TableServiceClient(azureStorageConnectionString);
        builder.UseAzureStorageClustering(o =>
        {
            o.TableServiceClient = client;
            o.TableName = tables.Membership;
        });
        builder.UseAliasedGrainStateSerializer();
        builder.AddAzureTableGrainStorageAsDefault(o =>
        {
            o.TableServiceClient = client;
            o.TableName = tables.GrainState;
        });
        builder.UseAzureTableReminderService(o =>
        {
            o.TableServiceClient = client;
            o.TableName = tables.Reminders;
        });
        builder.ConfigureServices(services => services.AddAzureTableAuditLog(o =>
        {
            o.ServiceClient = client;
            o.TableName = tables.Audit;
        }));
        return builder.AddAgendaCatchUp();
    }

    /// <summary>
    /// Wakes past-due agenda grains at silo start (<see cref="AgendaCatchUp"/>), each silo those of its own reminder
    /// ring range. Needs a reminder service. Calling it again only configures the options again.
    /// </summary>
    public static ISiloBuilder AddAgendaCatchUp(this ISiloBuilder builder, Action<AgendaCatchUpOptions>? configure = null) =>
        builder.ConfigureServices(services =>
        {
            var options = services.AddOptions<AgendaCatchUpOptions>().ValidateOnStart();
            if (configure is not null) options.Configure(configure);
            if (services.Any(s => s.ServiceType == typeof(AgendaCatchUp))) return;
            services.AddSingleton<IValidateOptions<AgendaCatchUpOptions>, AgendaCatchUpOptionsValidator>();
            services.AddSingleton<AgendaCatchUp>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<AgendaCatchUp>());
            services.AddGrainService<AgendaCatchUpRange>();
        });

    /// <summary>
    /// Grain state is stored with Orleans' own serializer, so stored types are named by their [Alias] (Orleans'
    /// default is JSON naming .NET types, which renaming a class would break). Every provider without a serializer
    /// of its own takes this one.
    /// </summary>
    private static ISiloBuilder UseAliasedGrainStateSerializer(this ISiloBuilder builder) =>
        builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>()));
}
