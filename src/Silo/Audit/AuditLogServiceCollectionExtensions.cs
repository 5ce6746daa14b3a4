using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// Registers one audit log as <see cref="IAuditLog"/> (the last call wins). The SQLite and Azure Table logs validate
/// their options and initialize when the host starts, so a bad path or an unreachable table fails the start.
/// </summary>
public static partial class AuditLogServiceCollectionExtensions
{
    public static IServiceCollection AddMemoryAuditLog(this IServiceCollection services)
    {
        services.AddSingleton<MemoryAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<MemoryAuditLog>());
        return services;
    }

    public static IServiceCollection AddSqliteAuditLog(this IServiceCollection services, Action<SqliteAuditLogOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SqliteAuditLogOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FilePath), "SqliteAuditLogOptions.FilePath is required: the audit log's database file, e.g. data/audit.db.")
            .ValidateOnStart();
        services.AddSingleton(sp => new SqliteAuditLog(
            sp.GetRequiredService<IOptions<SqliteAuditLogOptions>>().Value, sp.GetService<ILogger<SqliteAuditLog>>()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteAuditLog>());
        services.AddHostedService(sp => new AuditLogStartup(sp.GetRequiredService<SqliteAuditLog>().InitializeAsync));
        return services;
    }

    public static IServiceCollection AddAzureTableAuditLog(this IServiceCollection services, Action<AzureTableAuditLogOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AzureTableAuditLogOptions>()
            .Configure(configure)
            .Validate(o => (o.ServiceClient is null ? 0 : 1) + (string.IsNullOrWhiteSpace(o.ConnectionString) ? 0 : 1) == 1,
                "AzureTableAuditLogOptions needs exactly one of ConnectionString and ServiceClient.")
            .Validate(o => o.TableName is not null && TableName().IsMatch(o.TableName) && !o.TableName.Equals("tables", StringComparison.OrdinalIgnoreCase),
                "AzureTableAuditLogOptions.TableName must be 3-63 letters and digits starting with a letter (and not 'tables').")
            .ValidateOnStart();
        services.AddSingleton(sp => new AzureTableAuditLog(sp.GetRequiredService<IOptions<AzureTableAuditLogOptions>>().Value.CreateTableClient()));
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AzureTableAuditLog>());
        services.AddHostedService(sp => new AuditLogStartup(sp.GetRequiredService<AzureTableAuditLog>().InitializeAsync));
        return services;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
