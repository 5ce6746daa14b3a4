using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Grains.Domain.Demo;

/// <summary>The embedded default's organisation: units, the chiefs' portfolios and the political themes per area.</summary>
public sealed record DemoOrganisation(
    ImmutableArray<Unit> Units,
    ImmutableArray<ChiefPortfolio> Portfolios,
    ImmutableDictionary<AgeArea, ImmutableArray<PoliticalTheme>> Themes);
