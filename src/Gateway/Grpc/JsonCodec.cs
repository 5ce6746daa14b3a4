using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>protobuf-JSON formatting and parsing, aware of every registered message type (for Any).</summary>
internal sealed class JsonCodec
{
    private readonly JsonFormatter _formatter;
    private readonly JsonFormatter _formatterWithoutTypes;
    private readonly JsonParser _parser;

    public JsonCodec(GrpcGatewayOptions options, IEnumerable<FileDescriptor> files)
    {
        var typeRegistry = TypeRegistry.FromFiles(files.Append(Rpc.ErrorDetailsReflection.Descriptor).Append(Rpc.StatusReflection.Descriptor).ToArray());
        _formatter = new JsonFormatter(new JsonFormatter.Settings(options.JsonFormatDefaultValues, typeRegistry));
        _formatterWithoutTypes = new JsonFormatter(new JsonFormatter.Settings(options.JsonFormatDefaultValues));
        _parser = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(typeRegistry).WithIgnoreUnknownFields(options.JsonIgnoreUnknownFields));
    }

    public string Format(IMessage message) => _formatter.Format(message);

    /// <summary>A JSON error body {code, message, details}; details of unknown types are left out.</summary>
    public string FormatStatus(GrpcStatus status)
    {
        try
        {
            return _formatter.Format(StatusDetailsCodec.ToRpcStatus(status));
        }
        catch (InvalidOperationException)
        {
            return _formatterWithoutTypes.Format(StatusDetailsCodec.ToRpcStatus(status, includeDetails: false));
        }
    }

    /// <summary>Parses a request; malformed JSON ends the call with INVALID_ARGUMENT.</summary>
    public IMessage Parse(string json, MessageDescriptor descriptor)
    {
        try
        {
            return _parser.Parse(json, descriptor);
        }
        catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw new GrpcStatusException(StatusCode.InvalidArgument, $"Invalid JSON for {descriptor.FullName}: {e.Message}");
        }
    }
}
