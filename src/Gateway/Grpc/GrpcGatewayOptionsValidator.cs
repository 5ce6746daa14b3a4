using Microsoft.Extensions.Options;

namespace OrleansTilsyn.Gateway.Grpc;

internal sealed class GrpcGatewayOptionsValidator : IValidateOptions<GrpcGatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GrpcGatewayOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
