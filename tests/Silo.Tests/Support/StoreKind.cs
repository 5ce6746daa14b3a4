using Npgsql;
using OrleansTilsyn.Silo.Storage;
using OrleansTilsyn.Silo.Storage.Postgres;
using OrleansTilsyn.Silo.Storage.Sqlite;

namespace OrleansTilsyn.Silo.Tests.Support;

/// <summary>The store engines the runtime tests run on. Add an engine here and in <see cref="TestStores.Create"/>.</summary>
public enum StoreKind
{
    InMemory,
    Sqlite,
    Postgres,
}

/// <summary>Theory data: every store engine.</summary>
public sealed class StoreKinds : TheoryData<StoreKind>
{
    public StoreKinds()
    {
        foreach (var kind in Enum.GetValues<StoreKind>()) Add(kind);
    }
}

public static class TestStores
{
    /// <summary>
    /// A fresh, empty store of the given engine (one per test; the test cluster disposes it). SQLite gets a temp
    /// file deleted on dispose; PostgreSQL an empty schema of its own in the database TILSYN_TEST_PG names.
    /// The SQL stores are wrapped so a test can make a write fail.
    /// </summary>
    public static IGrainStore Create(StoreKind kind) => kind switch
    {
        StoreKind.InMemory => new InMemoryGrainStore(),
        StoreKind.Sqlite => CreateSqlite(),
        StoreKind.Postgres => new FaultInjectingStore(new PostgresGrainStore(CreatePostgresSchema())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown store kind."),
    };

    private static FaultInjectingStore CreateSqlite()
    {
        var database = new SqliteTestDatabase();
        return new FaultInjectingStore(new SqliteGrainStore(database.ConnectionString), onDisposed: database.Dispose);
    }

    /// <summary>Creates an empty schema in the test server's database; returns a connection string that uses it.</summary>
    private static string CreatePostgresSchema()
    {
        var server = PostgresTestDatabase.ServerConnectionString;
        var schema = "rt_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    /// <summary>Makes the next state write fail before anything is applied.</summary>
    public static void FailNextWrite(IGrainStore store, Exception error)
    {
        switch (store)
        {
            case InMemoryGrainStore memory:
                memory.FailNextWrite = _ => error;
                break;
            case FaultInjectingStore faulty:
                faulty.FailNextWrite(error);
                break;
            default:
                throw new NotSupportedException($"Wrap {store.GetType().Name} in a FaultInjectingStore to inject write failures.");
        }
    }
}
