namespace OrleansTilsyn.Contracts.Results;

/// <summary>The store could not be reached or failed; nothing was applied.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
