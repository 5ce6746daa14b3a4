using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Reads a request message as the generated marshaller does, after checking that its strings are valid
/// UTF-8 (<see cref="Utf8Validation"/>: INVALID_ARGUMENT naming each field). Bytes that are no message of the type
/// are INTERNAL, as gRPC specifies for a message that cannot be parsed.</summary>
internal static class CheckedRequestMarshaller
{
    public static Marshaller<T> Wrap<T>(Marshaller<T> marshaller)
        where T : class
    {
        if (!typeof(IMessage).IsAssignableFrom(typeof(T)) || Activator.CreateInstance(typeof(T)) is not IMessage sample)
        {
            return marshaller;
        }

        var descriptor = sample.Descriptor;
        return Marshallers.Create(marshaller.ContextualSerializer, context => Read(marshaller, descriptor, context));
    }

    private static T Read<T>(Marshaller<T> marshaller, MessageDescriptor descriptor, DeserializationContext context)
    {
        var payload = context.PayloadAsReadOnlySequence();
        try
        {
            // Before parsing: Google.Protobuf refuses such a string too, but as a malformed message without naming it.
            Utf8Validation.ThrowIfInvalid(descriptor, payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
            return marshaller.ContextualDeserializer(context);
        }
        catch (GrpcStatusException refused)
        {
            throw refused.ToRpcException();
        }
        catch (InvalidProtocolBufferException)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid protobuf byte sequence for {descriptor.FullName}."));
        }
    }
}
