using Azure.Data.Tables;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>The Azure Table (or Azurite) the audit log writes to; give a connection string or a service client, not both.</summary>
public sealed class AzureTableAuditLogOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>A client built by the host (e.g. with a token credential), used instead of <see cref="ConnectionString"/>.</summary>
    public TableServiceClient? ServiceClient { get; set; }

    /// <summary>3-63 letters and digits, starting with a letter; created at start when missing.</summary>
    public string TableName { get; set; } = "TilsynAudit";

    internal TableClient CreateTableClient() =>
        (ServiceClient ?? new TableServiceClient(ConnectionString)).GetTableClient(TableName);
}
