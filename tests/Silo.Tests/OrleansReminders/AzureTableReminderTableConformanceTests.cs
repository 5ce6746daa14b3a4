using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace OrleansTilsyn.Silo.Tests.OrleansReminders;

/// <summary>
/// The conformance suite on Orleans' Azure Table reminder table against Azurite, obtained through
/// UseAzureTableReminderService. One table for the class; each test is a service of its own (the table's rows are
/// scoped by service id), so tests never see each other's rows.
/// </summary>
public sealed class AzureTableReminderTableConformanceTests : ReminderTableConformanceTests
{
    private static readonly string TableName = AzuriteStorage.UniqueTableName("reminders");

    private ServiceProvider? _provider;

    protected override async Task<IReminderTable> StartTableAsync()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "conformance";
            options.ServiceId = "tilsyn-" + Guid.NewGuid().ToString("N");
        });
        services.UseAzureTableReminderService(options =>
        {
            options.TableServiceClient = new TableServiceClient(AzuriteStorage.ConnectionString);
            options.TableName = TableName;
        });
        _provider = services.BuildServiceProvider();
        var table = _provider.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return table;
    }

    protected override async Task StopTableAsync()
    {
        if (_provider is not null) await _provider.DisposeAsync();
    }
}
