using System.Globalization;
using System.Text;
using OrleansTilsyn.Grains.Domain.Calendar;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Demo;

/// <summary>
/// Synthetic data-package CSV for the demo, in the import format, so the demo goes through the same
/// parser as a real LIS release. Values are deterministic per unit, indicator and period; some
/// sub-unit groups are small so suppression shows.
/// </summary>
public static class DemoDataPackages
{
    private static readonly (string Indicator, string Kind)[] Dagtilbud =
        [("Normering (børn pr. voksen)", "structural"), ("Andel pædagoger", "structural"), ("Samspil voksen-barn", "process"), ("Sprogvurdering: alderssvarende", "outcome")];

    private static readonly (string Indicator, string Kind)[] Skole =
        [("Klassekvotient", "structural"), ("Undervisning ved lærer med kompetence", "structural"), ("Social trivsel", "process"), ("Fravær i procent", "outcome")];

    private static readonly (string Indicator, string Kind)[] Fu =
        [("Indskrevne unge", "structural"), ("Åbningstimer pr. uge", "structural"), ("Oplevet fællesskab", "process"), ("Fastholdelse i tilbud", "outcome")];

    public static string Csv(IEnumerable<Unit> units, Sector sector, Period period)
    {
        var indicators = sector switch { Sector.Dagtilbud => Dagtilbud, Sector.Skole => Skole, _ => Fu };
        var csv = new StringBuilder("unit,indicator,quality,value,groupSize\n");
        foreach (var unit in units.Where(u => u.Sector == sector))
        {
            foreach (var target in new[] { unit.Id.Value }.Concat(unit.SubUnits.Select(s => s.Id.Value)))
            {
                foreach (var (indicator, kind) in indicators)
                {
                    var h = Hash($"{target}|{indicator}|{period}");
                    var value = (h % 1000 / 10m).ToString("0.0", CultureInfo.InvariantCulture);
                    var groupSize = target == unit.Id.Value ? 20 + (int)(h % 80) : 2 + (int)(h % 30);
                    csv.Append(CultureInfo.InvariantCulture, $"{target},\"{indicator}\",{kind},{value},{groupSize}\n");
                }
            }
        }
        return csv.ToString();
    }

    /// <summary>FNV-1a: stable across runs and platforms (string.GetHashCode is not).</summary>
    private static uint Hash(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return h;
    }
}
