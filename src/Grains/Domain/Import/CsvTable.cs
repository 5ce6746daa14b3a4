using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>One data row of a CSV text and the line it starts on (1 = the header).</summary>
public sealed record CsvRow(int Line, ImmutableArray<string> Fields);

/// <summary>A parsed CSV text: the header (trimmed, lower-cased) and the non-empty rows.</summary>
public sealed record CsvTable(ImmutableArray<string> Header, ImmutableArray<CsvRow> Rows)
{
    /// <summary>Index of the first header that matches one of the names (case-insensitive), or -1.</summary>
    public int Column(params string[] names) =>
        Header.Select((h, i) => (h, i)).Where(x => names.Any(n => string.Equals(n, x.h, StringComparison.OrdinalIgnoreCase)))
            .Select(x => x.i).DefaultIfEmpty(-1).First();

    public static string Field(CsvRow row, int column) => column >= 0 && column < row.Fields.Length ? row.Fields[column].Trim() : "";
}

/// <summary>A problem with one cell or row of an imported CSV.</summary>
public sealed record CsvRowError(int Line, string Column, string Message)
{
    public Contracts.Results.FieldViolation ToViolation() => new($"line {Line}: {Column}", Message);
}
