using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Identifies the leader role of a unit (not a person's name). Cannot be built invalid.</summary>
[JsonConverter(typeof(StringValueJsonConverter<LeaderId>))]
public readonly record struct LeaderId : IStringValue<LeaderId>
{
    private readonly string? _value;

    private LeaderId(string value) => _value = value;

    public string Value => _value ?? throw new DomainInvariantException("An uninitialised LeaderId was used.");

    public static LeaderId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a valid LeaderId: {IdRules.Description}.");

    public static bool TryParse(string? text, out LeaderId value)
    {
        value = IdRules.IsValid(text) ? new LeaderId(text!) : default;
        return value._value is not null;
    }

    public override string ToString() => _value ?? "";
}
