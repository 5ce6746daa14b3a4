namespace OrleansTilsyn.Grains.Domain;

/// <summary>A value type that is written as one string (ids, periods); parsing validates it.</summary>
public interface IStringValue<TSelf> where TSelf : IStringValue<TSelf>
{
    static abstract TSelf Parse(string text);

    static abstract bool TryParse(string? text, out TSelf value);
}
