using System.Text.Json.Serialization;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState
{
    Open,
    Overdue,
    Done,
}
