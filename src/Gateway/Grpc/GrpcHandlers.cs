namespace OrleansTilsyn.Gateway.Grpc;

/// <summary>Handles a unary call: one request, one response.</summary>
public delegate Task<TResponse> UnaryHandler<in TRequest, TResponse>(TRequest request, GrpcCallContext context);

/// <summary>Handles a server-streaming call: one request, any number of responses.</summary>
public delegate Task ServerStreamingHandler<in TRequest, TResponse>(
    TRequest request, IGrpcStreamWriter<TResponse> responses, GrpcCallContext context);

/// <summary>Handles a bidirectional streaming call: requests are read as they arrive.</summary>
public delegate Task DuplexStreamingHandler<TRequest, TResponse>(
    IAsyncEnumerable<TRequest> requests, IGrpcStreamWriter<TResponse> responses, GrpcCallContext context);
