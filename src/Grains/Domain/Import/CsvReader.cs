using System.Collections.Immutable;
using System.Text;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>
/// Reads CSV text (RFC 4180 quoting; ',' or ';' as detected from the header line; CRLF or LF).
/// Pure: the caller hands over the text. Empty lines are skipped.
/// </summary>
public static class CsvReader
{
    public static (CsvTable? Table, char Delimiter, ImmutableArray<CsvRowError> Errors) Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<(int Line, List<string> Fields)>();
        var errors = ImmutableArray.CreateBuilder<CsvRowError>();
        var field = new StringBuilder();
        var fields = new List<string>();
        var line = 1;
        var startLine = 1;
        var quoted = false;
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
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add((startLine, fields));
                fields = [];
                startLine = ++line;
            }
            else field.Append(c);
        }
        if (quoted) errors.Add(new CsvRowError(startLine, "", "a quoted field is not closed"));
        if (field.Length > 0 || fields.Count > 0) { fields.Add(field.ToString().TrimEnd('\r')); records.Add((startLine, fields)); }
        var nonEmpty = records.Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (nonEmpty.Count == 0)
        {
            errors.Add(new CsvRowError(1, "", "the file is empty; a header line is required"));
            return (null, delimiter, errors.ToImmutable());
        }
        var header = nonEmpty[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToImmutableArray();
        var rows = nonEmpty.Skip(1).Select(r => new CsvRow(r.Line, [.. r.Fields])).ToImmutableArray();
        return (new CsvTable(header, rows), delimiter, errors.ToImmutable());
    }
}
