using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OrleansTilsyn.Grains.Tests.Serialization;

/// <summary>Orleans' serializer as a silo builds it, with the generated codecs of Contracts.</summary>
internal static class OrleansSerializer
{
    private static readonly ServiceProvider Services =
        new ServiceCollection().AddSerializer(builder => builder.AddAssembly(BoundaryTypes.Contracts)).BuildServiceProvider();

    public static Serializer Instance { get; } = Services.GetRequiredService<Serializer>();

    /// <summary>Serializes as the declared type <typeparamref name="T"/> and reads it back.</summary>
    public static T? RoundTrip<T>(T value) => Instance.Deserialize<T>(Instance.SerializeToArray(value));
}
