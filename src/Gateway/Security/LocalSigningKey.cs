using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// The embedded default's token key: an ECDSA P-256 key (ES256) created on first start and kept as
/// PKCS#8 PEM in the data folder, readable by the owner only. Never part of the repository.
/// </summary>
public sealed class LocalSigningKey
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private LocalSigningKey(ECDsa ecdsa, string path)
    {
        Path = path;
        Key = new ECDsaSecurityKey(ecdsa) { KeyId = KeyIdOf(ecdsa) };
    }

    public string Path { get; }

    public ECDsaSecurityKey Key { get; }

    public SigningCredentials SigningCredentials => new(Key, Algorithm);

    /// <summary>Reads the key at <paramref name="path"/>, creating it first when there is none. Safe
    /// when two processes start at once: the key is written to a temporary file and moved into place.</summary>
    public static LocalSigningKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(File.ReadAllText(path));
        return new LocalSigningKey(ecdsa, path);
    }

    private static void Create(string path)
    {
        Silo.Sqlite.PrivateFiles.CreateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another process created it first: use theirs
        }
    }

    private static string KeyIdOf(ECDsa ecdsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()))[..16];
}
