using Google.Protobuf.Reflection;

namespace OrleansTilsyn.Gateway.Grpc.Reflection;

/// <summary>Finds .proto files by name and by the fully qualified symbols they declare
/// (services, methods, messages, enums, including nested ones), over the known files and all
/// their dependencies.</summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _filesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _filesBySymbol = new(StringComparer.Ordinal);
    private readonly HashSet<string> _messageTypes = new(StringComparer.Ordinal);

    public DescriptorIndex(IEnumerable<FileDescriptor> files)
    {
        foreach (var file in files)
        {
            AddWithDependencies(file);
        }
    }

    public FileDescriptor? FindFile(string name) => _filesByName.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _filesBySymbol.GetValueOrDefault(symbol.TrimStart('.'));

    public bool IsMessageType(string fullName) => _messageTypes.Contains(fullName.TrimStart('.'));

    /// <summary>The file followed by its transitive dependencies, skipping those already in <paramref name="alreadySent"/>.</summary>
    public static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file, ISet<string> alreadySent)
    {
        alreadySent.Add(file.Name);
        yield return file;
        var pending = new Stack<FileDescriptor>(file.Dependencies);
        while (pending.TryPop(out var dependency))
        {
            if (alreadySent.Add(dependency.Name))
            {
                yield return dependency;
                foreach (var next in dependency.Dependencies)
                {
                    pending.Push(next);
                }
            }
        }
    }

    private void AddWithDependencies(FileDescriptor file)
    {
        if (!_filesByName.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            _filesBySymbol.TryAdd(service.FullName, file);
            foreach (var method in service.Methods)
            {
                _filesBySymbol.TryAdd(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            _filesBySymbol.TryAdd(enumType.FullName, file);
        }

        foreach (var dependency in file.Dependencies)
        {
            AddWithDependencies(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        _filesBySymbol.TryAdd(message.FullName, file);
        _messageTypes.Add(message.FullName);
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            _filesBySymbol.TryAdd(enumType.FullName, file);
        }
    }
}
