using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

/// <summary>Who a task is routed to; the unit's chief id travels with every task for the chief's inbox.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssigneeRole>))]
public enum AssigneeRole
{
    Leader,
    Chief,
    Board,
    Administration,
}
