using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Who holds a unit's læringssamtaler: the chief, or the board of a self-owned daycare.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationHolder>))]
public enum ConversationHolder
{
    Chief,
    Board,
}
