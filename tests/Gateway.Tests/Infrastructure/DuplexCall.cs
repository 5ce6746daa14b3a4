using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Google.Protobuf;

namespace OrleansTilsyn.Gateway.Tests.Infrastructure;

/// <summary>A bidirectional HTTP/2 gRPC call: request frames are sent one by one while response
/// frames are read as they arrive.</summary>
public sealed class DuplexCall : IAsyncDisposable
{
    private readonly Channel<byte[]> _outgoing;
    private readonly HttpResponseMessage _response;
    private readonly Stream _responseStream;

    private DuplexCall(Channel<byte[]> outgoing, HttpResponseMessage response, Stream responseStream)
    {
        _outgoing = outgoing;
        _response = response;
        _responseStream = responseStream;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Starts the call with its first request; <paramref name="onlyRequest"/> also ends the
    /// request stream (server-streaming methods wait for that).</summary>
    public static async Task<DuplexCall> StartAsync(HttpClient http, Uri address, string path, IMessage firstRequest, bool onlyRequest = false)
    {
        var outgoing = Channel.CreateUnbounded<byte[]>();
        await outgoing.Writer.WriteAsync(Frames.Message(firstRequest));
        if (onlyRequest)
        {
            outgoing.Writer.TryComplete();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ChannelContent(outgoing.Reader),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new DuplexCall(outgoing, response, await response.Content.ReadAsStreamAsync());
    }

    public ValueTask SendAsync(IMessage message) => _outgoing.Writer.WriteAsync(Frames.Message(message));

    public void CompleteRequests() => _outgoing.Writer.TryComplete();

    /// <summary>The next response message, or null at the end of the response.</summary>
    public async Task<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var header = new byte[5];
        if (!await ReadExactlyOrEndAsync(header))
        {
            return null;
        }

        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await _responseStream.ReadExactlyAsync(payload);
        return parser.ParseFrom(payload);
    }

    public async ValueTask DisposeAsync()
    {
        CompleteRequests();
        await _responseStream.DisposeAsync();
        _response.Dispose();
    }

    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _responseStream.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                Assert.Equal(0, read);
                return false;
            }

            read += n;
        }

        return true;
    }

    private sealed class ChannelContent(ChannelReader<byte[]> frames) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await foreach (var frame in frames.ReadAllAsync())
            {
                await stream.WriteAsync(frame);
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
