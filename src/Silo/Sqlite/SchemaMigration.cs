namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// One step of a store's schema. Versions are applied in ascending order, each exactly once and in
/// its own transaction, and recorded in the store's version table. Never edit a released migration:
/// append a new one.
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql);
