using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Conversations;

/// <summary>Who holds a unit's læringssamtaler: the chief, or the board of a self-owned daycare.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationHolder>))]
public enum ConversationHolder
{
    Chief,
    Board,
}
