using System.Text.Json.Serialization;
using Orleans;

namespace OrleansTilsyn.Contracts.Model;

[JsonConverter(typeof(JsonStringEnumConverter<TaskState>))]
[GenerateSerializer, Alias("tilsyn.TaskState")]
public enum TaskState
{
    Open,
    Overdue,
    Done,
}
