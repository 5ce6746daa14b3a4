using System.Text.Json;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>What a persistent state needs from its silo: the store, the domain clock and the JSON settings.</summary>
internal sealed record StateStorage(IGrainStore Store, TimeProvider Clock, JsonSerializerOptions Json);
