using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Who a task is routed to; the unit's chief id travels with every task for the chief's inbox.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssigneeRole>))]
[GenerateSerializer, Alias("tilsyn.AssigneeRole")]
public enum AssigneeRole
{
    Leader,
    Chief,
    Board,
    Administration,
}
