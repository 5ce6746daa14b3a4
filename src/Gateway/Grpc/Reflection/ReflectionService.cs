using Google.Protobuf;
using OrleansTilsyn.Gateway.Reflection.V1;
using Alpha = OrleansTilsyn.Gateway.Reflection.V1Alpha;

namespace OrleansTilsyn.Gateway.Grpc.Reflection;

/// <summary>Server reflection, grpc.reflection.v1 and v1alpha (same messages), for tools such as
/// grpcurl: list services, file by name, file containing a symbol.</summary>
internal sealed class ReflectionService : IGrpcService
{
    public const string V1ServiceName = "grpc.reflection.v1.ServerReflection";
    public const string V1AlphaServiceName = "grpc.reflection.v1alpha.ServerReflection";
    private const string MethodName = "ServerReflectionInfo";

    private GrpcServiceRegistry? _registry;
    private DescriptorIndex? _index;

    public void Register(GrpcServiceRegistry registry)
    {
        _registry = registry;
        registry.AddFile(ReflectionReflection.Descriptor);
        registry.AddFile(Alpha.ReflectionReflection.Descriptor);

        // Clients resolve google.rpc.Status and its detail messages through reflection too.
        registry.AddFile(Rpc.StatusReflection.Descriptor);
        registry.AddFile(Rpc.ErrorDetailsReflection.Descriptor);
        registry.DuplexStreaming<ServerReflectionRequest, ServerReflectionResponse>(V1ServiceName, MethodName, ServeAsync).AllowAnonymous();
        registry.DuplexStreaming<Alpha.ServerReflectionRequest, Alpha.ServerReflectionResponse>(V1AlphaServiceName, MethodName, ServeAlphaAsync)
            .AllowAnonymous();
    }

    private async Task ServeAsync(
        IAsyncEnumerable<ServerReflectionRequest> requests, IGrpcStreamWriter<ServerReflectionResponse> responses, GrpcCallContext context)
    {
        var sentFiles = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var request in requests)
        {
            await responses.WriteAsync(Answer(request, sentFiles), context.CancellationToken);
        }
    }

    /// <summary>v1alpha messages are wire-identical to v1, so they are translated through their bytes.</summary>
    private async Task ServeAlphaAsync(
        IAsyncEnumerable<Alpha.ServerReflectionRequest> requests, IGrpcStreamWriter<Alpha.ServerReflectionResponse> responses, GrpcCallContext context)
    {
        var sentFiles = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var request in requests)
        {
            var answer = Answer(ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()), sentFiles);
            await responses.WriteAsync(Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken);
        }
    }

    private ServerReflectionResponse Answer(ServerReflectionRequest request, ISet<string> sentFiles)
    {
        var registry = _registry ?? throw new InvalidOperationException("Reflection is not registered.");
        var index = _index ??= new DescriptorIndex(registry.Files);
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.Add(registry.ServiceNames.Select(name => new ServiceResponse { Name = name }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), sentFiles, $"File '{request.FileByFilename}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(
                    response, index.FindFileContainingSymbol(request.FileContainingSymbol), sentFiles, $"Symbol '{request.FileContainingSymbol}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, $"Extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' not found.");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.IsMessageType(request.AllExtensionNumbersOfType))
                {
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType.TrimStart('.') };
                }
                else
                {
                    SetError(response, StatusCode.NotFound, $"Type '{request.AllExtensionNumbersOfType}' not found.");
                }

                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "The reflection request has no message_request set.");
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, ISet<string> sentFiles, string notFound)
    {
        if (file is null)
        {
            SetError(response, StatusCode.NotFound, notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        response.FileDescriptorResponse.FileDescriptorProto.Add(DescriptorIndex.WithDependencies(file, sentFiles).Select(f => f.SerializedData));
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
