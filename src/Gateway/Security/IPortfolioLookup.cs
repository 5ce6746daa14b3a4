namespace OrleansTilsyn.Gateway.Security;

/// <summary>
/// What access decisions need to know about a unit: its chief (whose portfolio it is in) and whether
/// its board holds the conversations. The lead supplies an implementation over the unit grains;
/// <see cref="StaticPortfolioLookup"/> serves a fixed organisation (the demo) until then.
/// </summary>
public interface IPortfolioLookup
{
    /// <summary>The unit's facts, or null when there is no such unit.</summary>
    ValueTask<UnitAccessFacts?> FindUnitAsync(string unitId, CancellationToken cancellationToken);
}

/// <summary>A unit as access control sees it.</summary>
public sealed record UnitAccessFacts(string UnitId, string ChiefId, bool SelfOwned);
