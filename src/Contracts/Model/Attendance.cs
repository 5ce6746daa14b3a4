using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>How often a required participant must attend the conversations of a loop.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Attendance>))]
[GenerateSerializer, Alias("tilsyn.Attendance")]
public enum Attendance
{
    EveryConversation,
    /// <summary>At least the first conversation after the political treatment.</summary>
    FirstConversation,
    /// <summary>At least one conversation in each loop year (checked at the last one of that year).</summary>
    OncePerYear,
    /// <summary>At least one conversation in the loop (checked at the last one).</summary>
    OncePerLoop,
}
