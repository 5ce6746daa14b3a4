using System.Text.Json.Serialization;
namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>A planned 1:1 follow-up: the <see cref="Ordinal"/>-th after the conversation of <see cref="After"/>, due by <see cref="Due"/>.</summary>
public sealed record OneToOneSlot(Period After, int Ordinal, DateOnly Due)
{
    /// <summary>Stable key, e.g. "2023-Spring.2".</summary>
    [JsonIgnore]
    public string Key => $"{After}.{Ordinal}";
}
