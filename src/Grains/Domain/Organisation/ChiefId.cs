using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Identifies a Børn og Unge-chef (a role in the line, not a person's name). Cannot be built invalid.</summary>
[JsonConverter(typeof(StringValueJsonConverter<ChiefId>))]
public readonly record struct ChiefId : IStringValue<ChiefId>
{
    private readonly string? _value;

    private ChiefId(string value) => _value = value;

    public string Value => _value ?? throw new DomainInvariantException("An uninitialised ChiefId was used.");

    public static ChiefId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a valid ChiefId: {IdRules.Description}.");

    public static bool TryParse(string? text, out ChiefId value)
    {
        value = IdRules.IsValid(text) ? new ChiefId(text!) : default;
        return value._value is not null;
    }

    public override string ToString() => _value ?? "";
}
