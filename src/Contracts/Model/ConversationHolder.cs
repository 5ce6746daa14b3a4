using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Who holds a unit's læringssamtaler: the chief, or the board of a self-owned daycare.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationHolder>))]
[GenerateSerializer, Alias("tilsyn.ConversationHolder")]
public enum ConversationHolder
{
    Chief,
    Board,
}
