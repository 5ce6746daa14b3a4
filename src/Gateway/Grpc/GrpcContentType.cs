namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Maps a request content type to the protocol that serves it.</summary>
internal static class GrpcContentType
{
    public const string Grpc = "application/grpc";
    public const string GrpcWeb = "application/grpc-web";
    public const string GrpcWebText = "application/grpc-web-text";
    public const string Json = "application/json";
    public const string NdJson = "application/x-ndjson";

    /// <summary>The protocol for the content type, or null when it is not one we serve.</summary>
    public static GrpcProtocol? Detect(string? contentType)
    {
        var mediaType = MediaType(contentType);
        return mediaType switch
        {
            Grpc or Grpc + "+proto" => GrpcProtocol.Grpc,
            GrpcWeb or GrpcWeb + "+proto" => GrpcProtocol.GrpcWeb,
            GrpcWebText or GrpcWebText + "+proto" => GrpcProtocol.GrpcWebText,
            Json => GrpcProtocol.Json,
            _ => null,
        };
    }

    /// <summary>The media type without parameters, lower case.</summary>
    public static string MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return "";
        }

        var semicolon = contentType.IndexOf(';');
        var mediaType = semicolon < 0 ? contentType : contentType[..semicolon];
        return mediaType.Trim().ToLowerInvariant();
    }
}
