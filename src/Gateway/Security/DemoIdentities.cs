using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Model;
using OrleansTilsyn.Grains.Domain.Demo;
using OrleansTilsyn.Grains.Domain.Organisation;

namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// Synthetic identities over the demo organisation: every chief, a leader and a board member of one
/// unit per sector and of a self-owned daycare, the administration and operations. Subjects are
/// made-up ids, never names of persons.
/// </summary>
public static class DemoIdentities
{
    public static IReadOnlyList<TokenIdentity> For(DemoOrganisation organisation)
    {
        var identities = new List<TokenIdentity>();
        foreach (var portfolio in organisation.Portfolios)
        {
            var chief = portfolio.Chief.Value;
            identities.Add(new($"chief:{chief}", $"demo-person-{chief}", CallerRole.Chief, chief, [],
                $"chief {chief}, portfolio of {portfolio.Units.Length} units", $"Demo-chef ({chief})"));
        }

        foreach (var unit in SampleUnits(organisation.Units))
        {
            var kind = unit.SelfOwned ? "self-owned dagtilbud" : unit.Sector.ToString().ToLowerInvariant();
            identities.Add(new($"leader:{unit.Id}", $"demo-person-{unit.Leader}", CallerRole.Leader, unit.Leader.Value, [unit.Id.Value],
                $"leader of {unit.Id} ({kind}, chief {unit.Chief})", $"Demo-leder ({unit.Id})"));
            if (unit.Board is { } board)
            {
                identities.Add(new($"board:{unit.Id}", $"demo-person-{board}-1", CallerRole.Board, board.Value, [unit.Id.Value],
                    $"board member of {unit.Id} ({kind}{(unit.SelfOwned ? ": holds its conversations" : "")})",
                    $"Demo-bestyrelsesmedlem ({unit.Id})"));
            }
        }

        identities.Add(new("administration", "demo-person-administration-1", CallerRole.Administration, "forvaltningen-1", [],
            "the administration: releases, templates, configuration, cross-unit reports", "Demo-forvaltning"));
        identities.Add(new("operations", "demo-person-operations-1", CallerRole.Operations, "drift-1", [],
            "operations: loop health and metrics only", "Demo-drift"));
        return identities;
    }

    /// <summary>The seed daycare, the seed school, the first FU unit and the first self-owned daycare.</summary>
    private static IEnumerable<Unit> SampleUnits(ImmutableArray<Unit> units)
    {
        var picks = new[]
        {
            units.FirstOrDefault(u => u.Sector == Sector.Dagtilbud && !u.SelfOwned && !u.Special),
            units.FirstOrDefault(u => u.Sector == Sector.Skole),
            units.FirstOrDefault(u => u.Sector == Sector.Fu),
            units.FirstOrDefault(u => u.SelfOwned),
        };
        return picks.OfType<Unit>().DistinctBy(u => u.Id);
    }
}
