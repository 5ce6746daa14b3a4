using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using OrleansTilsyn.Contracts.Runtime;

namespace OrleansTilsyn.Silo.Runtime;

/// <summary>Compiles a grain interface method into a typed delegate (one expression tree per method, once).</summary>
internal static class GrainMethodFactory
{
    private static readonly MethodInfo _build = typeof(GrainMethodFactory).GetMethod(nameof(Build), BindingFlags.NonPublic | BindingFlags.Static)!;

    // Compiled methods do not depend on a silo: every silo of the process (test clusters start many) shares them.
    private static readonly ConcurrentDictionary<(MethodInfo Method, string GrainType), GrainMethod> _compiled = new();

    public static GrainMethod Create(MethodInfo method, string grainType) =>
        _compiled.GetOrAdd((method, grainType), static key => Compile(key.Method, key.GrainType));

    private static GrainMethod Compile(MethodInfo method, string grainType)
    {
        if (method.IsGenericMethodDefinition)
            throw new InvalidOperationException($"Grain method {Describe(method)} is generic; grain methods cannot be.");
        var (kind, resultType) = Classify(method.ReturnType)
            ?? throw new InvalidOperationException($"Grain method {Describe(method)} must return Task, Task<T>, ValueTask or ValueTask<T>.");
        return (GrainMethod)_build.MakeGenericMethod(resultType).Invoke(null, [method, grainType, kind])!;
    }

    private static GrainMethod<T> Build<T>(MethodInfo method, string grainType, GrainReturnKind kind)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var token = Expression.Parameter(typeof(CancellationToken), "token");
        var parameters = method.GetParameters();
        var tokenIndex = -1;
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type.IsByRef) throw new InvalidOperationException($"Grain method {Describe(method)} has a ref/out parameter.");
            if (type == typeof(CancellationToken))
            {
                if (tokenIndex < 0) tokenIndex = i;
                arguments[i] = token;
                continue;
            }

            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), type);
        }

        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        call = kind switch
        {
            GrainReturnKind.Task => Expression.Call(typeof(ResultAdapters).GetMethod(nameof(ResultAdapters.FromTask))!, call),
            GrainReturnKind.ValueTask => Expression.Call(typeof(ResultAdapters).GetMethod(nameof(ResultAdapters.FromValueTask))!, call),
            GrainReturnKind.TaskOfResult => Expression.New(typeof(ValueTask<T>).GetConstructor([typeof(Task<T>)])!, call),
            _ => call,
        };
        var invoke = Expression.Lambda<Func<object, object?[], CancellationToken, ValueTask<T>>>(call, grain, args, token).Compile();
        var isReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), inherit: false);
        return new GrainMethod<T>(method.Name, $"{grainType}/{method.Name}", isReadOnly, tokenIndex, kind, invoke);
    }

    private static (GrainReturnKind Kind, Type Result)? Classify(Type returnType)
    {
        if (returnType == typeof(Task)) return (GrainReturnKind.Task, typeof(object));
        if (returnType == typeof(ValueTask)) return (GrainReturnKind.ValueTask, typeof(object));
        if (!returnType.IsGenericType) return null;
        var definition = returnType.GetGenericTypeDefinition();
        var result = returnType.GetGenericArguments()[0];
        if (definition == typeof(Task<>)) return (GrainReturnKind.TaskOfResult, result);
        if (definition == typeof(ValueTask<>)) return (GrainReturnKind.ValueTaskOfResult, result);
        return null;
    }

    private static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";
}

/// <summary>Turns result-less tasks into the ValueTask&lt;object?&gt; the runtime handles uniformly.</summary>
internal static class ResultAdapters
{
    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitTask(task);

    public static ValueTask<object?> FromValueTask(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully) return AwaitValueTask(task);
        task.GetAwaiter().GetResult();
        return default;
    }

    private static async ValueTask<object?> AwaitTask(Task task)
    {
        await task;
        return null;
    }

    private static async ValueTask<object?> AwaitValueTask(ValueTask task)
    {
        await task;
        return null;
    }
}
