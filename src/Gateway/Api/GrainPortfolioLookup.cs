using OrleansTilsyn.Contracts.Grains;
using Orleans;
using OrleansTilsyn.Contracts.Calls;
using OrleansTilsyn.Gateway.Security;
using IdRules = OrleansTilsyn.Grains.Domain.Organisation.IdRules;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>
/// Access control's view of units, read from the organisation directory (the grain that assigns every
/// unit to its chief's portfolio), so a unit moved to another chief is in the new portfolio at once.
/// The directory answers from memory; ids that cannot be unit ids are not looked up.
/// </summary>
public sealed class GrainPortfolioLookup(IGrainFactory grains) : IPortfolioLookup
{
    /// <summary>Who reads the directory for access decisions (never a person; reads are not audited).</summary>
    public static CallerIdentity LookupActor { get; } = new("system:gateway-access", "Adgangskontrol", CallerIdentity.SystemRole, "gateway-access");

    public async ValueTask<UnitAccessFacts?> FindUnitAsync(string unitId, CancellationToken cancellationToken)
    {
        if (!IdRules.IsValid(unitId)) return null;
        using (CallerContext.As(LookupActor))
        {
            var unit = await grains.GetGrain<IOrganisationGrain>(GrainKeys.Singleton).GetUnitAsync(unitId).WaitAsync(cancellationToken);
            return unit.IsSuccess ? new UnitAccessFacts(unit.Value.Id, unit.Value.Chief, unit.Value.SelfOwned) : null;
        }
    }
}
