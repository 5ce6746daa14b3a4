using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain;

/// <summary>Writes a string value type as a JSON string (also as a dictionary key); reading validates it.</summary>
public sealed class StringValueJsonConverter<T> : JsonConverter<T> where T : IStringValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString()!);

    private static T Parse(string? text) =>
        T.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
}
