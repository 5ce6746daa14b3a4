using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Demo;

/// <summary>Illustrative political themes per age area for the demo (the real ones come with each quality report).</summary>
public static class DemoThemes
{
    public static ImmutableArray<PoliticalTheme> ZeroToSix { get; } =
    [
        new("SPROG", "Sprog og kommunikation"),
        new("TRIVSEL", "Trivsel og relationer"),
        new("LEG", "Leg og pædagogiske læringsmiljøer"),
        new("FORAELDRE", "Forældresamarbejde"),
    ];

    public static ImmutableArray<PoliticalTheme> SixToEighteen { get; } =
    [
        new("TRIVSEL", "Trivsel og fællesskaber"),
        new("FAGLIGHED", "Faglig udvikling for alle"),
        new("FRAVAER", "Fremmøde og fravær"),
        new("OVERGANGE", "Overgange og vej mod uddannelse"),
    ];

    public static ImmutableDictionary<AgeArea, ImmutableArray<PoliticalTheme>> All { get; } =
        ImmutableDictionary.CreateRange([
            KeyValuePair.Create(AgeArea.ZeroToSix, ZeroToSix),
            KeyValuePair.Create(AgeArea.SixToEighteen, SixToEighteen),
        ]);
}
