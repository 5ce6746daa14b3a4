using System.Globalization;
using System.Text.Json;

namespace OrleansTilsyn.Grains.Units;

/// <summary>
/// Writes one row (a JSON array with columns in a fixed order) of the compact stored loop. Empty
/// columns are held back and written only when a later column has a value, so rows end early.
/// Actors are written as indexes into the state's actor table.
/// </summary>
internal sealed class RowWriter(Utf8JsonWriter w, IReadOnlyDictionary<string, int> actors)
{
    private int _empty;

    public RowWriter Text(string? value)
    {
        if (value is null) _empty++;
        else
        {
            Flush();
            w.WriteStringValue(value);
        }

        return this;
    }

    public RowWriter Actor(string? value)
    {
        if (value is null) _empty++;
        else
        {
            Flush();
            w.WriteNumberValue(actors[value]);
        }

        return this;
    }

    public RowWriter Instant(DateTimeOffset? value) => Text(value is { } at ? JsonRows.Instant(at) : null);

    public RowWriter Day(DateOnly? value) => Text(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public RowWriter Number(int value)
    {
        if (value == 0) _empty++;
        else
        {
            Flush();
            w.WriteNumberValue(value);
        }

        return this;
    }

    public RowWriter Texts(IEnumerable<string>? values)
    {
        if (values is null) _empty++;
        else
        {
            Flush();
            w.WriteStartArray();
            foreach (var value in values) w.WriteStringValue(value);
            w.WriteEndArray();
        }

        return this;
    }

    /// <summary>A nested list of rows as one column (empty lists are empty columns).</summary>
    public RowWriter Rows<T>(IReadOnlyCollection<T> items, Action<RowWriter, T> write)
    {
        if (items.Count == 0) _empty++;
        else
        {
            Flush();
            JsonRows.WriteRows(w, items, actors, write);
        }

        return this;
    }

    private void Flush()
    {
        for (; _empty > 0; _empty--) w.WriteNullValue();
    }
}

/// <summary>Reads one row written by <see cref="RowWriter"/>; missing columns read as empty.</summary>
internal readonly struct RowReader(JsonElement row, IReadOnlyList<string> actors)
{
    private JsonElement? Column(int i) => i < row.GetArrayLength() && row[i].ValueKind != JsonValueKind.Null ? row[i] : null;

    public string? Text(int i) => Column(i)?.GetString();

    public string? Actor(int i) => Column(i) is { } c ? c.ValueKind == JsonValueKind.Number ? actors[c.GetInt32()] : c.GetString() : null;

    public T Enum<T>(int i) where T : struct, System.Enum => System.Enum.Parse<T>(Text(i)!);

    public DateTimeOffset? Instant(int i) => Text(i) is { } text ? JsonRows.ParseInstant(text) : null;

    public DateOnly? Day(int i) => Text(i) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    public int Number(int i) => Column(i)?.GetInt32() ?? 0;

    public string[]? Texts(int i) => Column(i) is { } list ? [.. list.EnumerateArray().Select(x => x.GetString()!)] : null;

    public IEnumerable<RowReader> Rows(int i) => Column(i) is { } list ? JsonRows.ReadRows(list, actors) : [];
}

internal static class JsonRows
{
    public static void WriteRows<T>(Utf8JsonWriter w, IEnumerable<T> items, IReadOnlyDictionary<string, int> actors, Action<RowWriter, T> write)
    {
        w.WriteStartArray();
        foreach (var item in items)
        {
            w.WriteStartArray();
            write(new RowWriter(w, actors), item);
            w.WriteEndArray();
        }

        w.WriteEndArray();
    }

    public static IEnumerable<RowReader> ReadRows(JsonElement list, IReadOnlyList<string> actors) =>
        list.EnumerateArray().Select(row => new RowReader(row, actors));

    /// <summary>UTC, "2023-05-26T10:00Z" for whole minutes, round-trip format otherwise.</summary>
    public static string Instant(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.Ticks % TimeSpan.TicksPerMinute == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("O", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
