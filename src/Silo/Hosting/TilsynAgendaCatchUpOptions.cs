using Microsoft.Extensions.Options;

namespace OrleansTilsyn.Silo.Hosting;

/// <summary>How the silo wakes agenda grains whose wake-up fell due while no silo ran (configuration section <c>AgendaCatchUp</c>).</summary>
public sealed class AgendaCatchUpOptions
{
    public const string SectionName = "AgendaCatchUp";

    /// <summary>Wake calls in flight at once: enough to finish a long outage's backlog soon, few enough to leave the silo room to serve.</summary>
    public int MaxConcurrentWakes { get; set; } = 32;
}

internal sealed class AgendaCatchUpOptionsValidator : IValidateOptions<AgendaCatchUpOptions>
{
    public ValidateOptionsResult Validate(string? name, AgendaCatchUpOptions options) =>
        options.MaxConcurrentWakes >= 1
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AgendaCatchUpOptions.SectionName}:{nameof(AgendaCatchUpOptions.MaxConcurrentWakes)} must be at least 1, not {options.MaxConcurrentWakes}.");
}
