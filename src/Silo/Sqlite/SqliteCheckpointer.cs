using Microsoft.Data.Sqlite;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Copies the WAL back into the database file from a connection and thread of its own: a PASSIVE
/// checkpoint every <see cref="Interval"/> when the writer committed something since the last one.
/// A page changed many times within an interval is copied (and synced) once, so a longer interval
/// copies less. The syncs also stall the writer's WAL appends on ext4 (its journal commit holds up
/// their inode updates): at 10,000 simulated units COMMIT took 39 s of the writer's time with a 1 s
/// interval and 33 s with 5 s. The WAL grows meanwhile (a few hundred MB under full load, reused
/// after each complete checkpoint); durability does not change.
/// A checkpoint syncs the WAL and the database file; run by the writer (SQLite's autocheckpoint)
/// those syncs stall every queued write for tens of milliseconds, here they overlap with the writing.
/// The writer's autocheckpoint stays as the fallback when this one falls behind.
/// </summary>
internal sealed class SqliteCheckpointer : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly SqliteSession _session;
    private readonly Func<long> _commits;
    private readonly ManualResetEventSlim _stop = new();
    private readonly Thread _thread;

    /// <param name="commits">The writer's count of committed transactions: no new commit, no checkpoint.</param>
    public SqliteCheckpointer(string connectionString, Func<long> commits)
    {
        _commits = commits;
        _session = SqliteSession.Open(connectionString, writer: false);
        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-checkpoint" };
        _thread.Start();
    }

    private void Run()
    {
        var checkpointed = _commits();
        while (!_stop.Wait(Interval))
        {
            var commits = _commits();
            if (commits == checkpointed) continue;
            checkpointed = commits;
            try
            {
                _session.Execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // Busy or I/O trouble: the next round, or the writer's autocheckpoint, copies the frames.
            }
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _session.Dispose();
        _stop.Dispose();
    }
}
