using OrleansTilsyn.Contracts.Model;

namespace OrleansTilsyn.Contracts.Grains;

/// <summary>How the grains of the service are keyed.</summary>
public static class GrainKeys
{
    /// <summary>The one organisation directory and the one configuration.</summary>
    public const string Singleton = "default";

    /// <summary>An area grain per loop of an age area: "0-6/2023", "6-18/2024".</summary>
    public static string Area(AgeArea area, int year) => $"{(area == AgeArea.ZeroToSix ? "0-6" : "6-18")}/{year}";

    /// <summary>A data package grain per sector and half-year: "Dagtilbud/2023-Spring".</summary>
    public static string DataPackage(Sector sector, string period) => $"{sector}/{period}";

    /// <summary>A document grain per written document of a unit: "{unit}/{kind}/{occurrence}".</summary>
    public static string Document(string unit, DocumentKind kind, string occurrence) => $"{unit}/{kind}/{occurrence}";
}
