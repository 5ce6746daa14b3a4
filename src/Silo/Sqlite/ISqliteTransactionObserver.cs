namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Follows the transactions of a <see cref="SqliteWriteQueue"/> on its writer thread, for state a store keeps per
/// transaction (e.g. a counter read once and written back once before COMMIT instead of once per operation).
/// </summary>
internal interface ISqliteTransactionObserver
{
    /// <summary>A transaction began; anything kept from an earlier one may be stale.</summary>
    void Begun();

    /// <summary>Every operation ran; the last chance to write inside the transaction.</summary>
    void Committing();

    void Committed();

    void RolledBack();
}
