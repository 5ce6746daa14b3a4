using OrleansTilsyn.Contracts.Api.V1;
using Microsoft.Extensions.Logging;

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

    private static readonly Dictionary<string, string?> EmbeddedSqlite = new() { ["Storage:Engine"] = "sqlite", ["Storage:DataDirectory"] = "data" };

    [Fact]
    public async Task AFreshDataFolderAndItsDatabaseWalShmAndKeyFilesAreOwnerOnly()
    {
        await using var gateway = await DomainGateway.StartAsync(EmbeddedSqlite);
        var data = Path.Combine(gateway.ContentRoot, "data");
        await gateway.OkAsync("/tilsyn.v1.Units/ImportUnits",
            new ImportUnitsRequest { CsvContent = "id,name,sector,chief,leader,board\nrettigheds-skole,Rettighedsskolen,skole,bu-chef-4,leder-rettigheds-skole,\n" },
            gateway.Administration, ImportUnitsResponse.Parser);

        var modes = new[] { "", "auth", "tilsyn.db", "tilsyn.db-wal", "tilsyn.db-shm", "auth/local-signing-key.pem" }
            .ToDictionary(p => p, p => File.GetUnixFileMode(Path.Combine(data, p)));

        Assert.Equal(
            new Dictionary<string, UnixFileMode>
            {
                [""] = OwnerOnlyFolder, ["auth"] = OwnerOnlyFolder, ["tilsyn.db"] = OwnerOnlyFile, ["tilsyn.db-wal"] = OwnerOnlyFile,
                ["tilsyn.db-shm"] = OwnerOnlyFile, ["auth/local-signing-key.pem"] = OwnerOnlyFile,
            },
            modes);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("open to other users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStartWarnsAboutADataFolderAndDatabaseOpenToOthersNamingPathAndMode()
    {
        var root = Directory.CreateTempSubdirectory("tilsyn-open-data-").FullName;
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data, WorldReadableFolder);
        File.WriteAllBytes(Path.Combine(data, "tilsyn.db"), []);
        File.SetUnixFileMode(Path.Combine(data, "tilsyn.db"), WorldReadableFile);
        try
        {
            await using var gateway = await DomainGateway.StartAsync(EmbeddedSqlite, dataDirectory: root);

            var warnings = gateway.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
            Assert.Contains(warnings, m => m.Contains($"{data} is open to other users than its owner (mode 0755)", StringComparison.Ordinal)
                && m.Contains($"chmod 700 '{data}'", StringComparison.Ordinal));
            Assert.Contains(warnings, m => m.Contains($"{Path.Combine(data, "tilsyn.db")} is open to other users than its owner (mode 0644)", StringComparison.Ordinal)
                && m.Contains("chmod 600", StringComparison.Ordinal));
            Assert.Contains(warnings, m => m.Contains($"{Path.Combine(data, "tilsyn.db-wal")} is open to other users", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
