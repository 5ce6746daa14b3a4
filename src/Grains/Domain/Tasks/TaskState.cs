using System.Text.Json.Serialization;

namespace OrleansTilsyn.Grains.Domain.Tasks;

[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
public enum TaskState
{
    Open,
    Overdue,
    Done,
}
