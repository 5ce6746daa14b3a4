using System.Text;
using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>
/// Finds string fields whose bytes are not valid UTF-8 in a protobuf message's wire form. Google.Protobuf
/// decodes such bytes to U+FFFD without complaint, so a request would be stored with text its sender
/// never wrote; proto3 says a string is valid UTF-8, so the request is refused instead. Works on the
/// descriptor and the raw bytes only (no protocol layer), so a grpc-dotnet marshaller can call it as well.
/// </summary>
public static class Utf8Validation
{
    /// <summary>At most this many fields are named; the rest are left out.</summary>
    public const int MaxReported = 20;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The request field paths (e.g. <c>record.participants[1].name</c>) of string fields that are not
    /// valid UTF-8, in wire order; empty when all are. Bytes that do not form a message of
    /// <paramref name="descriptor"/> end the scan: its parser reports those.</summary>
    public static IReadOnlyList<string> InvalidStringFields(MessageDescriptor descriptor, ReadOnlySpan<byte> message)
    {
        var found = new List<string>();
        Scan(descriptor, message, "", found);
        return found;
    }

    /// <summary>INVALID_ARGUMENT naming each string field of the request that is not valid UTF-8; nothing when all are.</summary>
    public static void ThrowIfInvalid(MessageDescriptor descriptor, ReadOnlySpan<byte> message)
    {
        var fields = InvalidStringFields(descriptor, message);
        if (fields.Count > 0)
        {
            throw GrpcErrors.InvalidArgument(
                $"The request's text is not valid UTF-8 ({string.Join(", ", fields)}).",
                [.. fields.Select(f => (f, "must be valid UTF-8"))]);
        }
    }

    /// <summary>Walks the fields in place (no copies: a deeply nested message is read once); returns false when the
    /// bytes end mid-field.</summary>
    private static bool Scan(MessageDescriptor descriptor, ReadOnlySpan<byte> bytes, string prefix, List<string> found)
    {
        Dictionary<int, int>? counts = null; // occurrences of repeated fields, for their index
        while (bytes.Length > 0 && found.Count < MaxReported)
        {
            if (!TryReadVarint(ref bytes, out var tag)) return false;
            var number = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            if (wireType != 2)
            {
                if (!TrySkip(ref bytes, wireType, number)) return false;
                continue;
            }

            if (!TryReadVarint(ref bytes, out var length) || length > (ulong)bytes.Length) return false;
            var value = bytes[..(int)length];
            bytes = bytes[(int)length..];
            if (descriptor.FindFieldByNumber(number) is not { FieldType: FieldType.String or FieldType.Message } field) continue;

            var index = -1;
            if (field.IsRepeated && !field.IsMap)
            {
                counts ??= [];
                index = counts.GetValueOrDefault(number);
                counts[number] = index + 1;
            }

            if (field.FieldType == FieldType.Message)
            {
                if (!Scan(field.MessageType, value, Path(prefix, field, index) + ".", found)) return false;
            }
            else if (!IsValid(value))
            {
                found.Add(Path(prefix, field, index));
            }
        }

        return true;
    }

    private static string Path(string prefix, FieldDescriptor field, int index) =>
        index < 0 ? prefix + field.Name : $"{prefix}{field.Name}[{index}]";

    private static bool TrySkip(ref ReadOnlySpan<byte> bytes, int wireType, int number)
    {
        switch (wireType)
        {
            case 0:
                return TryReadVarint(ref bytes, out _);
            case 1 or 5:
                var size = wireType == 1 ? 8 : 4;
                if (bytes.Length < size) return false;
                bytes = bytes[size..];
                return true;
            case 3:
                // A group (proto2): its fields up to the end-group tag of the same number.
                while (TryReadVarint(ref bytes, out var tag))
                {
                    if ((tag & 7) == 4) return (int)(tag >> 3) == number;
                    if ((tag & 7) == 2)
                    {
                        if (!TryReadVarint(ref bytes, out var length) || length > (ulong)bytes.Length) return false;
                        bytes = bytes[(int)length..];
                    }
                    else if (!TrySkip(ref bytes, (int)(tag & 7), (int)(tag >> 3)))
                    {
                        return false;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool TryReadVarint(ref ReadOnlySpan<byte> bytes, out ulong value)
    {
        value = 0;
        for (var i = 0; i < 10 && i < bytes.Length; i++)
        {
            value |= (ulong)(bytes[i] & 0x7f) << (7 * i);
            if ((bytes[i] & 0x80) == 0)
            {
                bytes = bytes[(i + 1)..];
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="utf8"/> is valid UTF-8 (for a whole text body, e.g. a JSON request).</summary>
    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        try
        {
            Strict.GetCharCount(utf8);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
