using System.Collections;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>gRPC metadata (custom headers or trailers). Keys are lower case; keys ending in
/// <c>-bin</c> carry bytes (base64 on the wire), other keys carry printable ASCII.</summary>
public sealed class Metadata : IReadOnlyList<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    public void Add(string key, string value)
    {
        var normalized = NormalizeKey(key);
        if (IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Metadata key '{key}' ends with '{BinarySuffix}' and needs a byte[] value.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(value);
        if (!IsPrintableAscii(value))
        {
            throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII.", nameof(value));
        }

        _entries.Add(new Entry(normalized, value, null));
    }

    public void Add(string key, byte[] value)
    {
        var normalized = NormalizeKey(key);
        if (!IsBinaryKey(normalized))
        {
            throw new ArgumentException($"Binary metadata key '{key}' must end with '{BinarySuffix}'.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(value);
        _entries.Add(new Entry(normalized, null, value));
    }

    /// <summary>The last text value for the key, or null.</summary>
    public string? GetValue(string key) => _entries.LastOrDefault(e => e.Key == key.ToLowerInvariant())?.Value;

    /// <summary>The last binary value for the key, or null.</summary>
    public byte[]? GetBytes(string key) => _entries.LastOrDefault(e => e.Key == key.ToLowerInvariant())?.ValueBytes;

    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = key.ToLowerInvariant();
        return _entries.Where(e => e.Key == normalized);
    }

    internal void AddRange(IEnumerable<Entry> entries) => _entries.AddRange(entries);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    internal void AddUnchecked(Entry entry) => _entries.Add(entry);

    private static string NormalizeKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var normalized = key.ToLowerInvariant();
        foreach (var c in normalized)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException($"Metadata key '{key}' may only contain a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
        }

        if (normalized.StartsWith("grpc-", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' is reserved for the gRPC protocol.", nameof(key));
        }

        return normalized;
    }

    private static bool IsPrintableAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One metadata entry: exactly one of <see cref="Value"/> and <see cref="ValueBytes"/> is set.</summary>
    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;
    }
}
