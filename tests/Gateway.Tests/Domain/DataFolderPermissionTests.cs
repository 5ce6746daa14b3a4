using OrleansTilsyn.Contracts.Api.V1;
using Microsoft.Extensions.Logging;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Gateway.Tests.Domain;

/// <summary>The embedded default keeps minutes, statements, reports and its signing key where only the service's
/// own user can read them, and says so at start when it finds them open to others.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode WorldReadableFile = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode WorldReadableFolder = OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>The embedded default's SQLite files: grain state, reminders, audit log.</summary>
    private static readonly string[] Databases = [TilsynDataFolder.GrainStateFile, TilsynDataFolder.RemindersFile, TilsynDataFolder.AuditFile];

    private static readonly Dictionary<string, string?> EmbeddedSqlite = new() { ["Storage:Engine"] = "sqlite", ["Storage:DataDirectory"] = "data" };

    [Fact]
    public async Task AFreshDataFolderAndItsDatabaseWalShmAndKeyFilesAreOwnerOnly()
    {
        await using var gateway = await DomainGateway.StartAsync(EmbeddedSqlite);
        var data = Path.Combine(gateway.ContentRoot, "data");
        await gateway.OkAsync("/tilsyn.v1.Units/ImportUnits",
            new ImportUnitsRequest { CsvContent = "id,name,sector,chief,leader,board\nrettigheds-skole,Rettighedsskolen,skole,bu-chef-4,leder-rettigheds-skole,\n" },
            gateway.Administration, ImportUnitsResponse.Parser);

        string[] files = [.. Databases.SelectMany(db => new[] { db, $"{db}-wal", $"{db}-shm" }), "auth/local-signing-key.pem"];
        var modes = new[] { "", "auth" }.Concat(files).Where(p => p.Length == 0 || Path.Exists(Path.Combine(data, p)))
            .ToDictionary(p => p, p => File.GetUnixFileMode(Path.Combine(data, p)));

        Assert.All(Databases, db => Assert.True(File.Exists(Path.Combine(data, db)), $"{db} exists"));
        Assert.Contains($"{TilsynDataFolder.GrainStateFile}-wal", modes.Keys);
        Assert.Equal(
            new[] { "", "auth" }.Select(p => (p, OwnerOnlyFolder)).Concat(modes.Keys.Skip(2).Select(p => (p, OwnerOnlyFile))),
            modes.Select(m => (m.Key, m.Value)));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("open to other users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStartWarnsAboutADataFolderAndDatabaseOpenToOthersNamingPathAndMode()
    {
        var root = Directory.CreateTempSubdirectory("tilsyn-open-data-").FullName;
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data, WorldReadableFolder);
        var database = Path.Combine(data, TilsynDataFolder.GrainStateFile);
        File.WriteAllBytes(database, []);
        File.SetUnixFileMode(database, WorldReadableFile);
        try
        {
            await using var gateway = await DomainGateway.StartAsync(EmbeddedSqlite, dataDirectory: root);

            var warnings = gateway.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
            Assert.Contains(warnings, m => m.Contains($"{data} is open to other users than its owner (mode 0755)", StringComparison.Ordinal)
                && m.Contains($"chmod 700 '{data}'", StringComparison.Ordinal));
            Assert.Contains(warnings, m => m.Contains($"{database} is open to other users than its owner (mode 0644)", StringComparison.Ordinal)
                && m.Contains("chmod 600", StringComparison.Ordinal));
            Assert.Contains(warnings, m => m.Contains($"{database}-wal is open to other users", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
