using System.Text.Json.Serialization;
using System.Collections.Immutable;
using OrleansTilsyn.Contracts.Results;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>The units whose leaders one chief manages (typically 10-30).</summary>
public sealed record ChiefPortfolio(ChiefId Chief, ImmutableArray<UnitId> Units)
{
    public const int TypicalMinimum = 10;
    public const int TypicalMaximum = 30;

    public static ChiefPortfolio Empty(ChiefId chief) => new(chief, []);

    public bool Contains(UnitId unit) => Units.Contains(unit);

    [JsonIgnore]
    public bool IsTypicalSize => Units.Length is >= TypicalMinimum and <= TypicalMaximum;

    public Result<ChiefPortfolio> Assign(UnitId unit) =>
        Contains(unit)
            ? Problem.AlreadyExists($"Unit {unit} is already in the portfolio of {Chief}.")
            : this with { Units = Units.Add(unit) };

    public Result<ChiefPortfolio> Release(UnitId unit) =>
        Contains(unit)
            ? this with { Units = Units.Remove(unit) }
            : Problem.NotFound($"Unit {unit} is not in the portfolio of {Chief}.");
}
