using Orleans;

namespace OrleansTilsyn.Silo.Tests.OrleansStorage;

/// <summary>A non-trivial grain state: nested list of records, dictionary, instants with offsets.</summary>
[GenerateSerializer, Alias("tests.storage.ConformanceState")]
public sealed class ConformanceState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public List<ConformanceItem> Items { get; set; } = [];
    [Id(2)] public Dictionary<string, List<int>> Counts { get; set; } = [];
    [Id(3)] public DateTimeOffset ChangedAt { get; set; }

    public static ConformanceState Sample(string name) => new()
    {
        Name = name,
        Items = [new("første punkt", new DateTimeOffset(2027, 3, 1, 9, 30, 0, TimeSpan.FromHours(1))), new("second", DateTimeOffset.MinValue)],
        Counts = new() { ["a"] = [1, 2, 3], ["ø/ å"] = [] },
        ChangedAt = new DateTimeOffset(2026, 12, 5, 4, 0, 0, 123, TimeSpan.FromHours(-5)),
    };
}

[GenerateSerializer, Alias("tests.storage.ConformanceItem")]
public sealed record ConformanceItem([property: Id(0)] string Text, [property: Id(1)] DateTimeOffset Due);
