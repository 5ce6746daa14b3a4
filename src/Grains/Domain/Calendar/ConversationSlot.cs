using System.Text.Json.Serialization;
namespace OrleansTilsyn.Grains.Domain.Calendar;

/// <summary>
/// The planned place of one læringssamtale in a loop: its half-year, the data package release
/// before it and the window it must be held in. Number 1 is the first after the political treatment.
/// </summary>
public sealed record ConversationSlot(int Number, Period Period, int LoopYear, DateOnly DataRelease, DateOnly WindowOpen, DateOnly WindowClose)
{
    [JsonIgnore]
    public bool IsFirst => Number == 1;

    /// <summary>The middle of the window: where 1:1s are spaced from.</summary>
    [JsonIgnore]
    public DateOnly Anchor => WindowOpen.AddDays((WindowClose.DayNumber - WindowOpen.DayNumber) / 2);
}
