using System.Security.Cryptography.X509Certificates;

namespace OrleansTilsyn.Gateway.Hosting;

/// <summary>Where the gateway listens (configuration section <c>Gateway:Endpoints</c>). With no port set,
/// Kestrel's own configuration (<c>Kestrel:Endpoints</c>, <c>ASPNETCORE_URLS</c>) applies.</summary>
public sealed class GatewayEndpointOptions
{
    public const string SectionName = "Gateway:Endpoints";

    /// <summary>Address to bind: <c>127.0.0.1</c>, <c>0.0.0.0</c>, <c>::</c> or <c>localhost</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Cleartext HTTP/2 with prior knowledge (h2c): native gRPC clients. 0 picks a free port.</summary>
    public int? GrpcPort { get; set; }

    /// <summary>Cleartext HTTP/1.1: gRPC-Web and JSON for browsers and curl. 0 picks a free port.</summary>
    public int? HttpPort { get; set; }

    /// <summary>TLS with HTTP/1.1 and HTTP/2 negotiated by ALPN: every protocol. Needs a certificate.</summary>
    public int? TlsPort { get; set; }

    /// <summary>PFX/PKCS#12 file for <see cref="TlsPort"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A certificate given in code (tests); takes precedence over <see cref="CertificatePath"/>.</summary>
    public X509Certificate2? Certificate { get; set; }

    public bool HasAnyPort => GrpcPort is not null || HttpPort is not null || TlsPort is not null;
}
