namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>The gateway's settings of grpc-dotnet (configuration section <c>Gateway:Grpc</c>).</summary>
public sealed class GrpcGatewayOptions
{
    public const string SectionName = "Gateway:Grpc";

    /// <summary>Largest request message accepted, in bytes, after decompression; null for no limit.
    /// Larger messages end the call with RESOURCE_EXHAUSTED. Also bounds JSON request bodies.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent, in bytes; null for no limit. Larger responses end the
    /// call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Send exception messages of unexpected handler failures to clients (development only).</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Browser origins (e.g. <c>https://tilsyn.example</c>) allowed to call gRPC-Web and JSON
    /// methods; <c>*</c> allows any origin. Empty: no CORS headers are sent.</summary>
    public List<string> CorsAllowedOrigins { get; set; } = [];

    /// <summary>Send <c>Access-Control-Allow-Credentials: true</c> (cookies); not needed for bearer tokens. Only with
    /// listed origins: together with <c>*</c> the options are refused at start.</summary>
    public bool CorsAllowCredentials { get; set; }

    /// <summary>How long browsers may cache a preflight answer.</summary>
    public int CorsPreflightMaxAgeSeconds { get; set; } = 600;

    /// <summary>Response headers (besides the gRPC ones) that browser scripts may read.</summary>
    public List<string> CorsExposedHeaders { get; set; } = [];

    /// <summary>JSON responses include fields that have their default value (0, "", false).</summary>
    public bool JsonFormatDefaultValues { get; set; } = true;


    /// <summary>Serve grpc.health.v1.Health.</summary>
    public bool EnableHealth { get; set; } = true;

    /// <summary>Serve grpc.reflection.v1 and v1alpha ServerReflection.</summary>
    public bool EnableReflection { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        if (MaxReceiveMessageSize is <= 0)
        {
            yield return $"{nameof(MaxReceiveMessageSize)} must be positive or null.";
        }

        if (MaxSendMessageSize is <= 0)
        {
            yield return $"{nameof(MaxSendMessageSize)} must be positive or null.";
        }

        if (CorsPreflightMaxAgeSeconds < 0)
        {
            yield return $"{nameof(CorsPreflightMaxAgeSeconds)} must not be negative.";
        }

        foreach (var origin in CorsAllowedOrigins)
        {
            if (origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                yield return $"CORS origin '{origin}' is not an absolute URI or '*'.";
            }
        }

        if (CorsAllowCredentials && CorsAllowedOrigins.Contains("*"))
        {
            yield return $"{SectionName}:{nameof(CorsAllowCredentials)}=true cannot be combined with '*' in {SectionName}:{nameof(CorsAllowedOrigins)}: " +
                "any web site could then make credentialed calls; list the allowed origins instead.";
        }
    }
}
