using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>Registers the SQLite reminder table the way Orleans' own reminder providers register theirs.</summary>
public static class SqliteReminderTableExtensions
{
    /// <summary>Adds Orleans reminders to the silo, kept in the SQLite file named by <see cref="SqliteReminderTableOptions.FilePath"/>.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddReminders();
        builder.ConfigureServices(services => services.UseSqliteReminderService(configure));
        return builder;
    }

    /// <summary>The same for a service collection (the reminder service's own registrations included).</summary>
    public static IServiceCollection UseSqliteReminderService(this IServiceCollection services, Action<SqliteReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddReminders();
        services.AddOptions<SqliteReminderTableOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SqliteReminderTableOptions>, SqliteReminderTableOptionsValidator>();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return services;
    }
}
