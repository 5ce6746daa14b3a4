using System.Collections.Immutable;
using System.Globalization;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Import;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.DataPackages;

/// <summary>
/// Parses a data-package release: columns unit (unit or sub-unit id), indicator, quality
/// (structural/process/outcome), value, groupSize. All or nothing: one bad row rejects the release,
/// and every row error (line, column, message) is reported. Values are read by <see cref="CsvDecimal"/>
/// with the decimal separator of the file's delimiter: a ';'-delimited file (as LIS exports) uses decimal
/// comma (<c>12,5</c>), a ','-delimited file decimal point (<c>12.5</c>); the other separator, thousands
/// separators, '%' and exponents are row errors, so no value is ever read other than as written. A row with
/// more fields than the header (an unquoted ',' in a ','-delimited file) is a row error. At most
/// <see cref="ImportLimits.DataPackage"/> (50,000 rows, 3.5 MiB).
/// </summary>
public static class DataPackageCsv
{
    public static Result<DataPackageRelease> Parse(string csv, Sector sector, Period period, DataPackageTargets targets, string releasedBy, DateTimeOffset now)
    {
        var (table, delimiter, readErrors, refused) = CsvReader.Read(csv, ImportLimits.DataPackage);
        if (refused is not null) return refused;
        var errors = readErrors.ToBuilder();
        var values = ImmutableArray.CreateBuilder<IndicatorValue>();
        if (table is not null)
        {
            var columns = Columns(table, errors);
            if (columns is { } c) ParseRows(table, c, delimiter, sector, targets, values, errors);
            if (table.Rows.IsEmpty) errors.Add(new CsvRowError(1, "", "the release has no rows"));
        }
        if (errors.Count > 0)
            return Problem.Invalid($"The {sector} data package {period} was rejected: {errors.Count} error(s).", errors.Select(e => e.ToViolation()));
        return new DataPackageRelease(sector, period, 1, values.ToImmutable(), releasedBy, now, null);
    }

    private sealed record ColumnMap(int Target, int Indicator, int Quality, int Value, int GroupSize);

    private static ColumnMap? Columns(CsvTable t, ImmutableArray<CsvRowError>.Builder errors)
    {
        var map = new ColumnMap(t.Column("unit", "unitid", "enhed"), t.Column("indicator", "indikator"),
            t.Column("quality", "qualitykind", "kvalitet"), t.Column("value", "værdi"), t.Column("groupsize", "group size", "gruppestørrelse"));
        foreach (var (index, name) in new[] { (map.Target, "unit"), (map.Indicator, "indicator"), (map.Quality, "quality"), (map.Value, "value"), (map.GroupSize, "groupSize") })
            if (index < 0) errors.Add(new CsvRowError(1, name, "the header has no such column"));
        return errors.Any(e => e.Line == 1) ? null : map;
    }

    private static void ParseRows(CsvTable t, ColumnMap c, char delimiter, Sector sector, DataPackageTargets targets,
        ImmutableArray<IndicatorValue>.Builder values, ImmutableArray<CsvRowError>.Builder errors)
    {
        var separator = CsvDecimal.SeparatorFor(delimiter);
        var seen = new HashSet<(string, string)>();
        foreach (var row in t.Rows)
        {
            var before = errors.Count;
            var targetId = CsvTable.Field(row, c.Target);
            var indicator = CsvTable.Field(row, c.Indicator);
            if (row.Fields.Length > t.Header.Length)
                errors.Add(new CsvRowError(row.Line, "", $"has {row.Fields.Length} fields but the header {t.Header.Length}; quote a value that holds a '{delimiter}'"));
            var found = targets.ById.TryGetValue(targetId, out var target);
            if (!found) errors.Add(new CsvRowError(row.Line, "unit", $"'{targetId}' is not a known unit or sub-unit"));
            else if (target.Sector != sector) errors.Add(new CsvRowError(row.Line, "unit", OtherSector(targetId, target.Unit, target.Sector, sector)));
            if (indicator.Length is 0 or > 200) errors.Add(new CsvRowError(row.Line, "indicator", "is required (at most 200 characters)"));
            if (!QualityKindRules.TryParse(CsvTable.Field(row, c.Quality), out var kind))
                errors.Add(new CsvRowError(row.Line, "quality", "must be structural, process or outcome"));
            if (!CsvDecimal.TryParse(CsvTable.Field(row, c.Value), separator, out var value, out var valueError))
                errors.Add(new CsvRowError(row.Line, "value", valueError));
            if (!int.TryParse(CsvTable.Field(row, c.GroupSize), NumberStyles.None, CultureInfo.InvariantCulture, out var groupSize))
                errors.Add(new CsvRowError(row.Line, "groupSize", "must be a whole number of 0 or more"));
            if (found && indicator.Length > 0 && !seen.Add((targetId, indicator)))
                errors.Add(new CsvRowError(row.Line, "indicator", $"'{indicator}' appears twice for '{targetId}'"));
            if (errors.Count == before) values.Add(new IndicatorValue(target.Unit, targetId, indicator, kind, value, groupSize));
        }
    }

    private static string OtherSector(string targetId, UnitId unit, Sector actual, Sector package)
    {
        var what = actual switch { Sector.Dagtilbud => "a daycare", Sector.Skole => "a school", _ => "a leisure and youth unit" };
        var subject = targetId == unit.Value ? $"'{targetId}' is" : $"'{targetId}' is a sub-unit of '{unit.Value}', which is";
        return $"{subject} {what} (sector {Segment(actual)}), not a {Segment(package)} unit: this is the {Segment(package)} package";
    }

    private static string Segment(Sector sector) => sector.ToString().ToLowerInvariant();
}
