using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Identifies a sub-unit (afdeling, enhed, klub) of a unit. Cannot be built invalid.</summary>
[JsonConverter(typeof(StringValueJsonConverter<SubUnitId>))]
public readonly record struct SubUnitId : IStringValue<SubUnitId>
{
    private readonly string? _value;

    private SubUnitId(string value) => _value = value;

    public string Value => _value ?? throw new DomainInvariantException("An uninitialised SubUnitId was used.");

    public static SubUnitId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a valid SubUnitId: {IdRules.Description}.");

    public static bool TryParse(string? text, out SubUnitId value)
    {
        value = IdRules.IsValid(text) ? new SubUnitId(text!) : default;
        return value._value is not null;
    }

    public override string ToString() => _value ?? "";
}
