using System.Globalization;
using System.Text;

namespace OrleansTilsyn.Silo.Audit;

/// <summary>
/// Azure Table keys of the audit log. The partition key is the grain, with the characters Azure forbids in keys
/// (<c>/ \ # ?</c> and the control characters U+0000-U+001F, U+007F-U+009F) and the escape character '~' itself written
/// as '~' and two hex digits, so distinct grains never share a partition and the grain is read back from its key. The row
/// key is the version with 19 digits (every positive long), so rows sort by version as text.
/// </summary>
internal static class AzureTableAuditKeys
{
    private const char Escape = '~';

    public static string PartitionKey(string grain)
    {
        if (!grain.Any(MustEscape)) return grain;
        var key = new StringBuilder(grain.Length + 8);
        foreach (var c in grain)
        {
            if (MustEscape(c)) key.Append(Escape).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else key.Append(c);
        }

        return key.ToString();
    }

    public static string Grain(string partitionKey)
    {
        if (!partitionKey.Contains(Escape)) return partitionKey;
        var grain = new StringBuilder(partitionKey.Length);
        for (var i = 0; i < partitionKey.Length; i++)
        {
            if (partitionKey[i] != Escape)
            {
                grain.Append(partitionKey[i]);
                continue;
            }

            if (i + 2 >= partitionKey.Length
                || !byte.TryParse(partitionKey.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                throw new FormatException($"The audit partition key '{partitionKey}' has a broken escape at {i}.");
            grain.Append((char)code);
            i += 2;
        }

        return grain.ToString();
    }

    public static string RowKey(long version) => version.ToString("D19", CultureInfo.InvariantCulture);

    public static long Version(string rowKey) => long.Parse(rowKey, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or Escape || char.IsControl(c);
}
