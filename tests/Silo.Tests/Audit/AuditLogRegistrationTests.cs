using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

public sealed class AuditLogRegistrationTests
{
    private static IHost Build(Action<IServiceCollection> register)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        register(builder.Services);
        return builder.Build();
    }

    [Fact]
    public void TheMemoryLogIsOneInstance()
    {
        using var host = Build(s => s.AddMemoryAuditLog());

        Assert.Same(host.Services.GetRequiredService<MemoryAuditLog>(), host.Services.GetRequiredService<IAuditLog>());
    }

    [Fact]
    public async Task TheSqliteLogCreatesItsFileWhenTheHostStarts()
    {
        using var database = new SqliteTestDatabase();
        var file = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "data", "audit.db");
        using var host = Build(s => s.AddSqliteAuditLog(o => o.FilePath = file));

        await host.StartAsync();

        Assert.True(File.Exists(file));
        Assert.IsType<SqliteAuditLog>(host.Services.GetRequiredService<IAuditLog>());
        await host.StopAsync();
        await host.Services.GetRequiredService<SqliteAuditLog>().DisposeAsync();
    }

    [Fact]
    public async Task TheSqliteLogWithoutAFileFailsTheStart()
    {
        using var host = Build(s => s.AddSqliteAuditLog(_ => { }));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("FilePath is required", refused.Message);
    }

    [Fact]
    public async Task TheAzureTableLogCreatesItsTableWhenTheHostStarts()
    {
        var service = new TableServiceClient(AzuriteStorage.ConnectionString);
        var name = AzuriteStorage.UniqueTableName("auditreg");
        using var host = Build(s => s.AddAzureTableAuditLog(o => (o.ConnectionString, o.TableName) = (AzuriteStorage.ConnectionString, name)));

        await host.StartAsync();

        Assert.Single(await service.QueryAsync(t => t.Name == name).ToListAsync());
        Assert.IsType<AzureTableAuditLog>(host.Services.GetRequiredService<IAuditLog>());
        await host.StopAsync();
        await service.DeleteTableAsync(name);
    }

    [Theory]
    [InlineData(null, false, "TilsynAudit", "exactly one of ConnectionString and ServiceClient")]
    [InlineData("UseDevelopmentStorage=true", true, "TilsynAudit", "exactly one of ConnectionString and ServiceClient")]
    [InlineData("UseDevelopmentStorage=true", false, "1audit", "TableName must be")]
    [InlineData("UseDevelopmentStorage=true", false, "au", "TableName must be")]
    [InlineData("UseDevelopmentStorage=true", false, "audit-log", "TableName must be")]
    [InlineData("UseDevelopmentStorage=true", false, "Tables", "TableName must be")]
    public async Task InvalidAzureTableOptionsFailTheStart(string? connectionString, bool serviceClient, string tableName, string message)
    {
        using var host = Build(s => s.AddAzureTableAuditLog(o =>
        {
            o.ConnectionString = connectionString;
            o.ServiceClient = serviceClient ? new TableServiceClient("UseDevelopmentStorage=true") : null;
            o.TableName = tableName;
        }));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, refused.Message);
    }
}
