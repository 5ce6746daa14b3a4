namespace OrleansTilsyn.Grains.Domain.Organisation;

public static class SectorRules
{
    /// <summary>0-6 is dagtilbud; 6-18 is skole and FU.</summary>
    public static AgeArea AgeArea(this Sector sector) => sector switch
    {
        Sector.Dagtilbud => Contracts.Model.AgeArea.ZeroToSix,
        Sector.Skole or Sector.Fu => Contracts.Model.AgeArea.SixToEighteen,
        _ => throw new DomainInvariantException($"Unknown sector {sector}."),
    };

    public static bool TryParse(string? text, out Sector sector)
    {
        sector = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "dagtilbud" or "daycare": sector = Sector.Dagtilbud; return true;
            case "skole" or "school": sector = Sector.Skole; return true;
            case "fu" or "fritid" or "leisure": sector = Sector.Fu; return true;
            default: return false;
        }
    }
}
