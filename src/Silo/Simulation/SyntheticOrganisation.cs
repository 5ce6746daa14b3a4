using System.Globalization;
using System.Text;

namespace OrleansTilsyn.Silo.Simulation;

/// <summary>
/// Generated units for the simulator, as an import CSV: half dagtilbud, a third schools, the rest FU;
/// some daycares self-owned, some units special; synthetic names and role ids, never persons.
/// </summary>
public static class SyntheticOrganisation
{
    /// <summary>Units <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1.</summary>
    public static string UnitsCsv(int from, int count, int unitsPerChief)
    {
        var csv = new StringBuilder("id,name,sector,chief,leader,board,selfOwned,special,parent\n");
        for (var i = from; i < from + count; i++)
        {
            var (sector, prefix) = (i % 6) switch { 0 or 1 or 2 => ("dagtilbud", "dt"), 3 or 4 => ("skole", "sk"), _ => ("fu", "fu") };
            var id = string.Create(CultureInfo.InvariantCulture, $"sim-{prefix}-{i:D6}");
            var selfOwned = sector == "dagtilbud" && i % 13 == 1;
            var special = i % 17 == 5;
            csv.Append(CultureInfo.InvariantCulture,
                $"{id},Simuleret {sector} {i + 1},{sector},{ChiefOf(i, unitsPerChief)},leder-{id},bestyrelse-{id},{selfOwned},{special},\n");
        }

        return csv.ToString();
    }

    public static string ChiefOf(int unitIndex, int unitsPerChief) =>
        string.Create(CultureInfo.InvariantCulture, $"sim-chef-{unitIndex / unitsPerChief + 1:D4}");
}
