using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Organisation;

/// <summary>Identifies the board (bestyrelse) of a unit. Cannot be built invalid.</summary>
[JsonConverter(typeof(StringValueJsonConverter<BoardId>))]
public readonly record struct BoardId : IStringValue<BoardId>
{
    private readonly string? _value;

    private BoardId(string value) => _value = value;

    public string Value => _value ?? throw new DomainInvariantException("An uninitialised BoardId was used.");

    public static BoardId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new DomainInvariantException($"'{text}' is not a valid BoardId: {IdRules.Description}.");

    public static bool TryParse(string? text, out BoardId value)
    {
        value = IdRules.IsValid(text) ? new BoardId(text!) : default;
        return value._value is not null;
    }

    public override string ToString() => _value ?? "";
}
