using Azure.Data.Tables;
using OrleansTilsyn.Grains.Audit;
using OrleansTilsyn.Silo.Audit;

namespace OrleansTilsyn.Silo.Tests.Audit;

/// <summary>The conformance suite on Azurite, in a table of this class's own (tests name their grains apart).</summary>
public sealed class AzureTableAuditLogConformanceTests(AzureTableAuditLogConformanceTests.Table table)
    : AuditLogConformanceTests, IClassFixture<AzureTableAuditLogConformanceTests.Table>
{
    protected override async Task<IAuditLog> OpenAsync()
    {
        var log = new AzureTableAuditLog(table.Client);
        await log.InitializeAsync(CancellationToken.None);
        return log;
    }

    [Fact]
    public async Task GrainsAreStoredUnderEscapedPartitionKeysAndPaddedRowKeys()
    {
        var grain = Grain("unit/a#b?c\\d~e\u0001");
        await Log.AppendAsync(Event(grain, 42), CancellationToken.None);

        var entity = await table.Client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {"0000000000000000042"}"))
            .SingleAsync(e => e.PartitionKey.EndsWith("unit~2Fa~23b~3Fc~5Cd~7Ee~01", StringComparison.Ordinal));

        Assert.Equal(grain.Replace("unit/a#b?c\\d~e\u0001", "unit~2Fa~23b~3Fc~5Cd~7Ee~01", StringComparison.Ordinal), entity.PartitionKey);
        Assert.Equal(Event(grain, 42).At.UtcTicks, entity.GetInt64("AtUtcTicks"));
        Assert.Equal(Leader.RoleId, entity.GetString("RoleId"));
    }

    public sealed class Table : IAsyncLifetime
    {
        public TableClient Client { get; } =
            new TableServiceClient(AzuriteStorage.ConnectionString).GetTableClient(AzuriteStorage.UniqueTableName("audit"));

        public Task InitializeAsync() => Client.CreateIfNotExistsAsync();

        public Task DisposeAsync() => Client.DeleteAsync();
    }
}
