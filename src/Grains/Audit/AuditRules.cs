namespace OrleansTilsyn.Grains.Audit;

/// <summary>
/// What an audit event may hold, checked when one is built. Lengths are UTF-16 code units. The grain limit keeps the
/// Azure Table partition key under its 1 KiB even when every character is escaped (three characters each); the detail
/// limit is far above what grains write (a version, a count) and well under an Azure Table string property (64 KiB).
/// Text must be well-formed UTF-16 without U+0000: every store must give back exactly what it was given, or the
/// comparison that makes appending idempotent would fail.
/// </summary>
public static class AuditRules
{
    public const int GrainMaxLength = 160;
    public const int TextMaxLength = 200;
    public const int DetailMaxLength = 8000;

    /// <summary>The most events one <see cref="IAuditLog.ReadAsync"/> returns.</summary>
    public const int PageMaxSize = 500;

    public static string Grain(string value, string name = "grain") => Required(value, GrainMaxLength, name);

    public static long Version(long value, string name = "version") =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, "An audit event's version is 1 or more.");

    public static string Required(string value, int maxLength, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("Must not be empty or blank.", name);
        return Checked(value, maxLength, name);
    }

    /// <summary>Null for null or empty (so every store keeps "no value" the same way), else the checked text.</summary>
    public static string? Optional(string? value, int maxLength, string name) =>
        string.IsNullOrEmpty(value) ? null : Checked(value, maxLength, name);

    public static int PageSize(int max, string name = "max") =>
        max is >= 1 and <= PageMaxSize ? max : throw new ArgumentOutOfRangeException(name, max, $"A page holds 1 to {PageMaxSize} events.");

    public static long AfterVersion(long afterVersion, string name = "afterVersion") =>
        afterVersion >= 0 ? afterVersion : throw new ArgumentOutOfRangeException(name, afterVersion, "Read after version 0 or later.");

    private static string Checked(string value, int maxLength, string name)
    {
        if (value.Length > maxLength)
            throw new ArgumentException($"At most {maxLength} characters (got {value.Length}).", name);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') throw new ArgumentException($"Must not contain U+0000 (at {i}).", name);
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) throw new ArgumentException($"Holds an unpaired surrogate at {i} (not well-formed UTF-16).", name);
        }

        return value;
    }
}
