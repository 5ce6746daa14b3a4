using Microsoft.Extensions.Options;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>Where the SQLite reminder table keeps its rows.</summary>
public sealed class SqliteReminderTableOptions
{
    /// <summary>The database file; it and its missing folders are created owner-only.</summary>
    public string? FilePath { get; set; }
}

/// <summary>Refuses options without a file path, so a silo fails at start instead of at the first reminder.</summary>
internal sealed class SqliteReminderTableOptionsValidator : IValidateOptions<SqliteReminderTableOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteReminderTableOptions options) =>
        string.IsNullOrWhiteSpace(options.FilePath)
            ? ValidateOptionsResult.Fail(
                $"The SQLite reminder table needs {nameof(SqliteReminderTableOptions)}.{nameof(SqliteReminderTableOptions.FilePath)}: " +
                "the database file that holds the reminders (e.g. data/reminders.db).")
            : ValidateOptionsResult.Success;
}
