using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTilsyn.Silo.Storage;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>Settings of one silo. Durations marked "real time" run on <see cref="InfrastructureTime"/>, never on the domain clock.</summary>
public sealed class SiloOptions
{
    public const string GrainsAssemblyName = "OrleansTilsyn.Grains";

    /// <summary>Unique per silo in a cluster: it owns reminder leases.</summary>
    public string SiloName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Assemblies scanned for grain classes; starts with the OrleansTilsyn.Grains assembly.</summary>
    public List<Assembly> GrainAssemblies { get; } = [.. DefaultGrainAssemblies()];

    /// <summary>A call not answered within this (real time) fails with GrainCallTimeoutException.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation with no call for this long (real time) is deactivated.</summary>
    public TimeSpan IdleDeactivationAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often (real time) the idle collector looks for idle activations.</summary>
    public TimeSpan IdleCollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Check the stored version before each call and reload when it moved; set when several silos share a store.</summary>
    public bool RevalidateReads { get; set; }

    /// <summary>Run the background reminder poller; off when a manual clock drives delivery.</summary>
    public bool PollReminders { get; set; } = true;

    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long (real time) a claimed reminder stays with this silo before another may claim it.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminder deliveries running at once on this silo.</summary>
    public int ReminderConcurrency { get; set; } = 32;

    public int ReminderBatchSize { get; set; } = 512;

    /// <summary>Wait (real time) before a failed delivery is retried; doubles per failed attempt up to <see cref="ReminderRetryMaxDelay"/>.</summary>
    public TimeSpan ReminderRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReminderRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Grain references kept for reuse; the cache is emptied when it reaches this size.</summary>
    public int ProxyCacheSize { get; set; } = 100_000;

    /// <summary>Real time for timeouts, leases, idle collection and polling.</summary>
    public TimeProvider InfrastructureTime { get; set; } = TimeProvider.System;

    /// <summary>JSON settings of stored state; null means <see cref="Runtime.StateJson.CreateOptions"/>.</summary>
    public JsonSerializerOptions? StateJsonOptions { get; set; }

    /// <summary>The store, when built by the caller. With AddTilsynSilo, this or <see cref="StoreFactory"/> or a registered IGrainStore.</summary>
    public IGrainStore? Store { get; set; }

    public Func<IServiceProvider, IGrainStore>? StoreFactory { get; set; }

    /// <summary>Services for grain constructors when the silo runs without a host (TilsynSilo.StartAsync, TestCluster).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(SiloName)) errors.Add("SiloName is required.");
        Positive(CallTimeout, nameof(CallTimeout));
        Positive(IdleDeactivationAfter, nameof(IdleDeactivationAfter));
        Positive(IdleCollectionInterval, nameof(IdleCollectionInterval));
        Positive(ReminderPollInterval, nameof(ReminderPollInterval));
        Positive(ReminderLease, nameof(ReminderLease));
        Positive(ReminderRetryDelay, nameof(ReminderRetryDelay));
        if (ReminderRetryMaxDelay < ReminderRetryDelay) errors.Add("ReminderRetryMaxDelay must be at least ReminderRetryDelay.");
        if (ReminderConcurrency < 1) errors.Add("ReminderConcurrency must be at least 1.");
        if (ReminderBatchSize < 1) errors.Add("ReminderBatchSize must be at least 1.");
        if (ProxyCacheSize < 1) errors.Add("ProxyCacheSize must be at least 1.");
        if (InfrastructureTime is null) errors.Add("InfrastructureTime is required.");
        return errors;

        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero) errors.Add($"{name} must be positive.");
        }
    }

    private static IEnumerable<Assembly> DefaultGrainAssemblies()
    {
        Assembly? grains;
        try
        {
            grains = Assembly.Load(new AssemblyName(GrainsAssemblyName));
        }
        catch (FileNotFoundException)
        {
            grains = null;
        }

        return grains is null ? [] : [grains];
    }
}
