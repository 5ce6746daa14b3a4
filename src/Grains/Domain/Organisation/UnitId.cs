using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Identifies a unit (dagtilbud, skole or FU). Cannot be built invalid.</summary>
[JsonConverter(typeof(StringValueJsonConverter<UnitId>))]
public readonly record struct UnitId : IStringValue<UnitId>
{
    private readonly string? _value;

    private UnitId(string value) => _value = value;

    public string Value => _value ?? throw new DomainInvariantException("An uninitialised UnitId was used.");

    public static UnitId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a valid UnitId: {IdRules.Description}.");

    public static bool TryParse(string? text, out UnitId value)
    {
        value = IdRules.IsValid(text) ? new UnitId(text!) : default;
        return value._value is not null;
    }

    public override string ToString() => _value ?? "";
}
