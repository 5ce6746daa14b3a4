using System.Collections.Immutable;
using OrleansTilsyn.Grains.Domain.Agreements;
using OrleansTilsyn.Grains.Domain.Calendar;

namespace OrleansTilsyn.Grains.Domain.FollowUps;

/// <summary>Where the unit stands in the data wheel at a 1:1: the latest package released and the next samtale.</summary>
public sealed record DataWheelPosition(Period? LatestRelease, Period? NextConversation, DateOnly? NextWindowOpen, DateOnly? NextWindowClose);

/// <summary>The agenda of a 1:1: the common agenda, the data wheel and every open agreement carried forward.</summary>
public sealed record OneToOneAgenda(string Key, DateOnly Due, ImmutableArray<string> CommonItems, DataWheelPosition DataWheel, ImmutableArray<Agreement> OpenAgreements)
{
    /// <summary>The common agenda every 1:1 follows; more points may be added locally.</summary>
    public static ImmutableArray<string> Common { get; } =
    [
        "Opfølgning på åbne aftaler",
        "Dataårshjulet: aktuelle data og næste datapakke",
        "Drift: økonomi, personale, sikkerhed",
        "Udvikling: de lokale fokusområder",
        "Ledelsessparring og beslutninger",
        "Nye aftaler",
    ];
}
