using System.Collections.Frozen;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api.Mapping;

/// <summary>
/// Enums between the domain (<c>Contracts.Model</c>) and tilsyn.v1, matched by name: the proto enums are
/// the domain's values plus <c>UNSPECIFIED</c> at 0 (a test checks every value of every pair). An
/// unspecified or unknown value in a request is INVALID_ARGUMENT on its field.
/// </summary>
public static class ApiEnums
{
    public static TApi ToApi<TModel, TApi>(TModel value)
        where TModel : struct, Enum
        where TApi : struct, Enum =>
        Pair<TModel, TApi>.ToApi.TryGetValue(value, out var api) ? api : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TModel).Name} has no tilsyn.v1 value.");

    /// <summary>The domain value of a request field; INVALID_ARGUMENT naming <paramref name="field"/> when unspecified or unknown.</summary>
    public static TModel ToModel<TApi, TModel>(TApi value, string field)
        where TModel : struct, Enum
        where TApi : struct, Enum =>
        TryToModel<TApi, TModel>(value, out var model)
            ? model
            : throw GrpcErrors.InvalidArgument($"{field} is not set to a known value.", (field, $"must be one of {string.Join(", ", Pair<TModel, TApi>.ToApi.Values)}"));

    public static bool TryToModel<TApi, TModel>(TApi value, out TModel model)
        where TModel : struct, Enum
        where TApi : struct, Enum =>
        Pair<TModel, TApi>.ToModel.TryGetValue(value, out model);

    private static class Pair<TModel, TApi>
        where TModel : struct, Enum
        where TApi : struct, Enum
    {
        public static readonly FrozenDictionary<TModel, TApi> ToApi = Enum.GetValues<TModel>()
            .Where(m => Enum.TryParse<TApi>(m.ToString(), out _))
            .ToFrozenDictionary(m => m, m => Enum.Parse<TApi>(m.ToString()));

        public static readonly FrozenDictionary<TApi, TModel> ToModel = ToApi.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);
    }
}
