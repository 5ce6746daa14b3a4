using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Import;

/// <summary>
/// Imports units from CSV: id, name, sector, chief, leader, board, selfOwned, special, parent.
/// A row with a parent is a sub-unit of the unit with that id in the same file (its other columns
/// are ignored). All or nothing: every row error is reported and no unit is returned. At most
/// <see cref="ImportLimits.Units"/> (5,000 rows, 2 MiB); a larger file is refused before its rows are read.
/// </summary>
public static class UnitCsvImport
{
    private static readonly string[] Required = ["id", "name", "sector", "chief", "leader"];

    public static Result<ImmutableArray<Unit>> Parse(string csv)
    {
        var (table, _, readErrors, refused) = CsvReader.Read(csv, ImportLimits.Units);
        if (refused is not null) return refused;
        var errors = readErrors.ToBuilder();
        if (table is null) return Fail(errors);
        foreach (var name in Required.Where(n => table.Column(n) < 0)) errors.Add(new CsvRowError(1, name, "the header has no such column"));
        if (errors.Count > 0) return Fail(errors);
        int Col(string name) => table.Column(name);
        var unitRows = table.Rows.Where(r => CsvTable.Field(r, Col("parent")).Length == 0).ToArray();
        var subRows = table.Rows.Where(r => CsvTable.Field(r, Col("parent")).Length > 0).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var subUnits = SubUnitsByParent(subRows, Col, unitRows.Select(r => CsvTable.Field(r, Col("id"))).ToHashSet(), ids, errors);
        var units = ImmutableArray.CreateBuilder<Unit>();
        foreach (var row in unitRows)
        {
            var id = CsvTable.Field(row, Col("id"));
            if (id.Length > 0 && !ids.TryAdd(id, row.Line)) errors.Add(new CsvRowError(row.Line, "id", $"'{id}' is also on line {ids[id]}"));
            var selfOwned = Flag(row, Col("selfowned"), "selfOwned", errors);
            var special = Flag(row, Col("special"), "special", errors);
            var draft = new UnitDraft(id, CsvTable.Field(row, Col("name")), CsvTable.Field(row, Col("sector")), CsvTable.Field(row, Col("leader")),
                CsvTable.Field(row, Col("chief")), CsvTable.Field(row, Col("board")), selfOwned, special,
                subUnits.TryGetValue(id, out var subs) ? subs : []);
            var result = UnitValidator.Validate(draft);
            if (result.IsSuccess) units.Add(result.Value);
            else errors.AddRange(result.Problem.Violations.Where(v => !v.Field.StartsWith("subUnits", StringComparison.Ordinal))
                .Select(v => new CsvRowError(row.Line, v.Field, v.Description)));
        }
        if (table.Rows.IsEmpty) errors.Add(new CsvRowError(1, "", "the file has no units"));
        return errors.Count > 0 ? Fail(errors) : units.ToImmutable();
    }

    private static Dictionary<string, ImmutableArray<SubUnitDraft>> SubUnitsByParent(CsvRow[] rows, Func<string, int> col,
        HashSet<string> unitIds, Dictionary<string, int> ids, ImmutableArray<CsvRowError>.Builder errors)
    {
        var result = new Dictionary<string, List<SubUnitDraft>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var id = CsvTable.Field(row, col("id"));
            var name = CsvTable.Field(row, col("name"));
            var parent = CsvTable.Field(row, col("parent"));
            if (!SubUnitId.TryParse(id, out _)) errors.Add(new CsvRowError(row.Line, "id", IdRules.Description));
            else if (!ids.TryAdd(id, row.Line)) errors.Add(new CsvRowError(row.Line, "id", $"'{id}' is also on line {ids[id]}"));
            if (name.Length == 0) errors.Add(new CsvRowError(row.Line, "name", "is required"));
            if (!unitIds.Contains(parent)) errors.Add(new CsvRowError(row.Line, "parent", $"'{parent}' is not a unit in this file"));
            else (result.TryGetValue(parent, out var list) ? list : result[parent] = []).Add(new SubUnitDraft(id, name));
        }
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    private static bool Flag(CsvRow row, int column, string name, ImmutableArray<CsvRowError>.Builder errors)
    {
        switch (CsvTable.Field(row, column).ToLowerInvariant())
        {
            case "" or "0" or "false" or "no" or "nej": return false;
            case "1" or "true" or "yes" or "ja" or "x": return true;
            default: errors.Add(new CsvRowError(row.Line, name, "must be true or false")); return false;
        }
    }

    private static Problem Fail(ImmutableArray<CsvRowError>.Builder errors) =>
        Problem.Invalid($"The unit import was rejected: {errors.Count} error(s).", errors.OrderBy(e => e.Line).Select(e => e.ToViolation()));
}
