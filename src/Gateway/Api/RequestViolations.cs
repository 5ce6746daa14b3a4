using OrleansTilsyn.Contracts.Api.V1;
using OrleansTilsyn.Gateway.Api.Mapping;
using OrleansTilsyn.Gateway.Grpc;

namespace OrleansTilsyn.Gateway.Api;

/// <summary>Collects what the gateway itself finds wrong with a request (unset enums, impossible days),
/// so that all of it is reported at once as INVALID_ARGUMENT before the domain sees the request.</summary>
public sealed class RequestViolations
{
    private readonly List<(string Field, string Description)> _items = [];

    public bool Any => _items.Count > 0;

    public void Add(string field, string description) => _items.Add((field, description));

    /// <summary>The domain value of an enum field, or a violation (then the default, never used).</summary>
    public TModel Enum<TApi, TModel>(TApi value, string field)
        where TApi : struct, System.Enum
        where TModel : struct, System.Enum
    {
        if (ApiEnums.TryToModel<TApi, TModel>(value, out var model)) return model;
        Add(field, "must be set to a known value");
        return default;
    }

    /// <summary>The day, or a violation (then <see cref="DateOnly.MinValue"/>).</summary>
    public DateOnly Date(Date? date, string field)
    {
        try
        {
            return date.ToDateOnly(field);
        }
        catch (GrpcStatusException e)
        {
            Add(field, e.Message);
            return DateOnly.MinValue;
        }
    }

    public void ThrowIfAny(string message)
    {
        if (Any) throw GrpcErrors.InvalidArgument(message, [.. _items]);
    }
}
