using System.Collections.Immutable;
using System.Text;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>What <see cref="CsvReader.Read"/> found: the table (null when there is none), the delimiter,
/// errors of the text itself, and <see cref="Refused"/> when the text is over the import's limits.</summary>
public sealed record CsvRead(CsvTable? Table, char Delimiter, ImmutableArray<CsvRowError> Errors, Problem? Refused);

/// <summary>
/// Reads CSV text (RFC 4180 quoting; ',' or ';' as detected from the header line; CRLF or LF).
/// Pure: the caller hands over the text. Empty lines are skipped. The text's size is checked against the
/// limits before reading, and reading stops at the first data row over the row limit.
/// </summary>
public static class CsvReader
{
    public static CsvRead Read(string text, ImportLimits limits)
    {
        if (limits.CheckSize(text) is { } tooLarge) return new CsvRead(null, ',', [], tooLarge);
        text = text.TrimStart('\uFEFF');
        var firstLine = text.AsSpan(0, text.IndexOf('\n') is var end and >= 0 ? end : text.Length);
        var delimiter = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var records = new List<CsvRow>();
        var errors = ImmutableArray.CreateBuilder<CsvRowError>();
        var field = new StringBuilder();
        var fields = new List<string>();
        var line = 1;
        var startLine = 1;
        var quoted = false;
        bool Complete()
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            field.Clear();
            if (fields.Any(f => !string.IsNullOrWhiteSpace(f))) records.Add(new CsvRow(startLine, [.. fields]));
            fields.Clear();
            return records.Count <= limits.MaxRows + 1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                if (!Complete()) return new CsvRead(null, delimiter, [], limits.TooManyRows());
                startLine = ++line;
            }
            else field.Append(c);
        }
        if (quoted) errors.Add(new CsvRowError(startLine, "", "a quoted field is not closed"));
        if ((field.Length > 0 || fields.Count > 0) && !Complete()) return new CsvRead(null, delimiter, [], limits.TooManyRows());
        if (records.Count == 0)
        {
            errors.Add(new CsvRowError(1, "", "the file is empty; a header line is required"));
            return new CsvRead(null, delimiter, errors.ToImmutable(), null);
        }
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToImmutableArray();
        return new CsvRead(new CsvTable(header, [.. records.Skip(1)]), delimiter, errors.ToImmutable(), null);
    }
}
