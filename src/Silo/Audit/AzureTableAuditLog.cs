using Azure;
using Azure.Data.Tables;
using OrleansTilsyn.Grains.Audit;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// The audit log of a cluster on Azure Storage: one table, a partition per grain, a row per version
/// (<see cref="AzureTableAuditKeys"/>). Appending inserts; when the row exists (409) the stored entity is read and
/// compared, so a repeat is a no-op and a different event is refused. A batch goes per grain in entity group
/// transactions of up to 50; a transaction that meets a stored row falls back to one insert at a time. The table is
/// created at start by the registration, or on first use.
/// </summary>
public sealed class AzureTableAuditLog : IAuditLog
{
    // Azure takes up to 100 entities and 4 MiB per transaction. An event's text is at most 9,200 characters
    // (AuditRules), up to 6 bytes each as escaped JSON: 55 KB, so 50 events stay well under 4 MiB.
    private const int MaxTransactionSize = 50;
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly TableClient _table;
    private readonly AuditLogInitialization _initialization;

    public AzureTableAuditLog(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _initialization = new AuditLogInitialization(() => _table.CreateIfNotExistsAsync());
    }

    /// <summary>Creates the table when it is missing; callers need not wait for it (every operation does).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _initialization.EnsureAsync(cancellationToken);

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await InsertOneAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }

    public async Task AppendAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var distinct = AuditBatch.Distinct(auditEvents);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var grain in distinct.GroupBy(e => e.Grain, StringComparer.Ordinal))
        {
            foreach (var chunk in grain.Chunk(MaxTransactionSize))
                await InsertChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AuditPage> ReadAsync(string grain, long afterVersion, int max, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        AuditRules.AfterVersion(afterVersion);
        AuditRules.PageSize(max);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AzureTableAuditKeys.PartitionKey(grain)} and RowKey gt {AzureTableAuditKeys.RowKey(afterVersion)}");
        var readAhead = new List<AuditEvent>(max + 1);
        // Rows come in key order; a service page may hold fewer than asked, so read on until max + 1 or the end.
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: max + 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            readAhead.Add(AzureTableAuditEntity.ToEvent(entity));
            if (readAhead.Count > max) break;
        }

        return AuditPage.FromReadAhead(readAhead, max);
    }

    public async Task<long> CountAsync(string grain, CancellationToken cancellationToken)
    {
        AuditRules.Grain(grain);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AzureTableAuditKeys.PartitionKey(grain)}");
        long count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: KeysOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
            count++;
        return count;
    }

    private async Task InsertChunkAsync(AuditEvent[] chunk, CancellationToken cancellationToken)
    {
        if (chunk.Length == 1)
        {
            await InsertOneAsync(chunk[0], cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, AzureTableAuditEntity.From(e)));
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException failed) when (failed.Status == 409)
        {
            // Some row exists already (a retry of the outbox): the transaction stored nothing, so go one by one.
            foreach (var auditEvent in chunk) await InsertOneAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task InsertOneAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var entity = AzureTableAuditEntity.From(auditEvent);
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            var stored = await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var storedEvent = AzureTableAuditEntity.ToEvent(stored.Value);
            if (storedEvent != auditEvent) throw new AuditEventConflictException(storedEvent, auditEvent);
        }
    }
}
