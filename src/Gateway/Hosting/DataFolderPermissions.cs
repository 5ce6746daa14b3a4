using OrleansTilsyn.Gateway.Security;
using OrleansTilsyn.Silo.Sqlite;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>
/// At start, warns about every part of the data folder that other users than the service's own may open:
/// the folder (<c>Storage:DataDirectory</c>), its <c>auth</c> folder and the local signing key. The SQLite
/// store warns about its own files. Nothing is changed: an operator may have opened them on purpose.
/// </summary>
internal sealed class DataFolderPermissions(IConfiguration configuration, IHostEnvironment environment, ILogger<DataFolderPermissions> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = configuration.GetSection(TilsynStorageOptions.SectionName).Get<TilsynStorageOptions>() ?? new();
        var folder = Path.Combine(environment.ContentRootPath, storage.DataDirectory);
        var paths = new List<string> { folder, Path.Combine(folder, "auth") };
        var auth = AuthStartup.Resolve(configuration, environment);
        if (auth.Demo)
        {
            var key = SecurityServiceCollectionExtensions.LocalKeyPath(auth.Options, configuration, environment.ContentRootPath);
            paths.Add(Path.GetDirectoryName(Path.GetFullPath(key))!);
            paths.Add(key);
        }

        PrivateFiles.WarnIfLooser(logger, paths.Select(Path.GetFullPath));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
