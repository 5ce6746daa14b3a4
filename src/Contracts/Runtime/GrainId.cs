namespace OrleansTilsyn.Contracts.Runtime;

/// <summary>Identity of a grain: its stored type name and its key.</summary>
public readonly record struct GrainId
{
    public GrainId(string type, string key)
    {
        if (string.IsNullOrWhiteSpace(type)) throw new ArgumentException("Grain type is required.", nameof(type));
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }
    public string Key { get; }

    public override string ToString() => $"{Type}/{Key}";
}
