using OrleansTilsyn.Contracts.Api.V1;
using Model = OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>Units and import results between the domain and tilsyn.v1.</summary>
public static class UnitMapping
{
    public static Unit ToApi(this Model.UnitDto u)
    {
        var unit = new Unit
        {
            Name = ResourceNames.Unit.Format(u.Id),
            DisplayName = u.Name,
            Sector = u.Sector.ToApi(),
            AgeArea = CommonMapping.AgeAreaOf(u.Sector).ToApi(),
            LeaderId = u.Leader,
            Chief = ResourceNames.Chief.Format(u.Chief),
            BoardId = u.Board ?? "",
            SelfOwned = u.SelfOwned,
            Special = u.Special,
        };
        unit.SubUnits.AddRange((u.SubUnits.IsDefault ? [] : u.SubUnits).Select(s => new SubUnit { SubUnitId = s.Id, DisplayName = s.Name }));
        return unit;
    }

    /// <summary>The CSV errors of a domain problem, whose field paths are <c>line {n}: {column}</c>.</summary>
    public static IEnumerable<CsvRowError> ToCsvRowErrors(this Contracts.Results.Problem problem) =>
        problem.Violations.Select(v => ParseCsvField(v.Field, v.Description));

    private static CsvRowError ParseCsvField(string field, string message)
    {
        const string prefix = "line ";
        var colon = field.IndexOf(": ", StringComparison.Ordinal);
        if (field.StartsWith(prefix, StringComparison.Ordinal) && colon > prefix.Length
            && int.TryParse(field.AsSpan(prefix.Length, colon - prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var line))
        {
            return new CsvRowError { Line = line, Column = field[(colon + 2)..], Message = message };
        }

        return new CsvRowError { Line = 0, Column = field, Message = message };
    }
}
