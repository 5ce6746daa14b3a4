using Microsoft.Extensions.Logging;

namespace OrleansTilsyn.Silo.Sqlite;

/// <summary>
/// Owner-only folders (0700) and files (0600) for data at rest: minutes, statements and reports are in
/// the SQLite files, a signing key beside them. Explicit modes do not depend on the process umask. On
/// Windows nothing is changed or checked (the folder's ACLs apply).
/// </summary>
public static partial class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder and its missing parents owner-only (Directory.CreateDirectory gives its mode to
    /// the last folder only, e.g. <c>auth</c> but not <c>data</c> of <c>data/auth</c>); existing folders keep their mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder)) Directory.CreateDirectory(folder, FolderMode);
    }

    /// <summary>Creates an empty owner-only file when there is none and its folder exists (an existing file is left
    /// as it is). Safe when several processes do it at once. A file that cannot be created (no folder, no
    /// write permission) is left for whoever opens it next to report, as it would without this.</summary>
    public static void CreateFileIfMissing(string path)
    {
        if (File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path)))) return;
        var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The mode of <paramref name="path"/> when group or others have any access to it; null when only the
    /// owner has, when it does not exist or cannot be looked at, or on Windows.</summary>
    public static UnixFileMode? LooserThanOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            var mode = File.GetUnixFileMode(path);
            return (mode & GroupOrOthers) != 0 ? mode : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Logs a warning for each existing path that group or others may access, with its mode and the fix.</summary>
    /// <returns>How many paths were too open.</returns>
    public static int WarnIfLooser(ILogger logger, IEnumerable<string> paths)
    {
        var found = 0;
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (LooserThanOwnerOnly(path) is not { } mode) continue;
            found++;
            var folder = Directory.Exists(path);
            LogLooser(logger, path, Octal(mode), $"chmod {(folder ? "700" : "600")} '{path}'");
        }

        return found;
    }

    /// <summary>A mode as the four octal digits chmod takes, e.g. 0644.</summary>
    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0xfff, 8).PadLeft(4, '0');

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Path} is open to other users than its owner (mode {Mode}) although it holds the service's data; fix it with: {Fix}")]
    private static partial void LogLooser(ILogger logger, string path, string mode, string fix);
}
