using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>
/// INVALID_ARGUMENT for a JSON request body that is not valid UTF-8, naming the string fields that hold the
/// invalid bytes where the body is otherwise good JSON: it is decoded once more with a marker (U+FFFF, a
/// noncharacter) in place of each invalid sequence, parsed, and the fields holding the marker are named.
/// </summary>
internal static class JsonUtf8Refusal
{
    private const char Marker = '\uFFFF';

    private static readonly Encoding Marking = Encoding.GetEncoding(
        "utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(Marker.ToString()));

    public static GrpcStatusException For(byte[] body, MessageDescriptor descriptor, JsonCodec codec)
    {
        var fields = new List<string>();
        try
        {
            Collect(codec.Parse(Marking.GetString(body), descriptor), "", fields);
        }
        catch (GrpcStatusException)
        {
            // Not good JSON either (e.g. the invalid bytes are in a key): the body as a whole is named below.
        }

        if (fields.Count == 0)
        {
            return GrpcErrors.InvalidArgument("The request body is not valid UTF-8.");
        }

        return GrpcErrors.InvalidArgument(
            $"The request's text is not valid UTF-8 ({string.Join(", ", fields)}).", [.. fields.Select(f => (f, "must be valid UTF-8"))]);
    }

    private static void Collect(IMessage message, string prefix, List<string> fields)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (fields.Count >= Utf8Validation.MaxReported) return;
            var value = field.Accessor.GetValue(message);
            var path = prefix + field.Name;
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Check(entry.Key, $"{path}.key", fields);
                    Check(entry.Value, $"{path}.value", fields);
                }
            }
            else if (field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (IList)value) Check(item, $"{path}[{i++}]", fields);
            }
            else
            {
                Check(value, path, fields);
            }
        }
    }

    private static void Check(object? value, string path, List<string> fields)
    {
        if (value is string text && text.Contains(Marker, StringComparison.Ordinal)) fields.Add(path);
        else if (value is IMessage nested) Collect(nested, path + ".", fields);
    }
}
