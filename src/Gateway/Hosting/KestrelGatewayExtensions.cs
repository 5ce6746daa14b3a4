using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OrleansTilsyn.Gateway.Hosting;

public static class KestrelGatewayExtensions
{
    /// <summary>Adds the gateway's listeners: h2c for gRPC, HTTP/1.1 for gRPC-Web/JSON, TLS for all.
    /// Cleartext HTTP/2 needs its own port: Kestrel cannot tell h2c prior knowledge from HTTP/1.1.</summary>
    public static void ListenGateway(this KestrelServerOptions kestrel, GatewayEndpointOptions endpoints)
    {
        if (endpoints.GrpcPort is { } grpcPort)
        {
            Listen(kestrel, endpoints.Host, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        }

        if (endpoints.HttpPort is { } httpPort)
        {
            Listen(kestrel, endpoints.Host, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        }

        if (endpoints.TlsPort is { } tlsPort)
        {
            var certificate = endpoints.Certificate ?? LoadCertificate(endpoints);
            Listen(kestrel, endpoints.Host, tlsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        }
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(host), port, configure);
        }
    }

    private static X509Certificate2 LoadCertificate(GatewayEndpointOptions endpoints)
    {
        if (string.IsNullOrEmpty(endpoints.CertificatePath))
        {
            throw new InvalidOperationException($"{GatewayEndpointOptions.SectionName}:TlsPort needs a CertificatePath.");
        }

        return X509CertificateLoader.LoadPkcs12FromFile(endpoints.CertificatePath, endpoints.CertificatePassword);
    }
}
