using System.Collections.Immutable;

namespace OrleansTilsyn.Grains.Domain.Demo;

/// <summary>
/// Names for demo units: institution names that appear in the seed documents (never names of
/// persons), and neutral place words for generated units.
/// </summary>
internal static class DemoNames
{
    public const string StrandensDagtilbud = "Strandens Dagtilbud";

    /// <summary>The departments of Strandens Dagtilbud named in the seed minutes.</summary>
    public static readonly ImmutableArray<string> StrandensDepartments = ["Julsøvej", "Ved Åen", "Åtrolden", "Åhøjen", "Åkanden", "Pilehuset"];

    public const string Skovbrynet = "Specialdagtilbud Skovbrynet";

    public const string Langagerskolen = "Langagerskolen";

    public static readonly ImmutableArray<string> Places =
    [
        "Egebakken", "Bøgelunden", "Lærkereden", "Havbrisen", "Solsikken", "Kildebakken", "Mosevang", "Skovly",
        "Engdalen", "Fjordsiden", "Granhøj", "Hasselhøj", "Ilsbakken", "Kløverengen", "Lindegården", "Mølleparken",
        "Nøddelunden", "Pilevangen", "Rosenhøj", "Sandbakken", "Tjørnehøj", "Ugleengen", "Vibehøj", "Ådalen",
        "Bakkehuset", "Birkely", "Elmegården", "Fuglsang", "Grønnebakken", "Holmevang", "Kastanjegården", "Lyngbakken",
        "Marienlund", "Nordlyset", "Odinsvej", "Præstevangen", "Rønnebærhuset", "Søndervang", "Tranevej", "Vesterhøj",
    ];

    public static readonly ImmutableArray<string> Sides = ["Nord", "Syd", "Øst", "Vest"];
}
