using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansTilsyn.Silo.Hosting;

namespace OrleansTilsyn.Silo.Reminders;

/// <summary>Production delivery: every poll interval (real time) delivers what is due. Off when SiloOptions.PollReminders is false.</summary>
public sealed class ReminderPoller(TilsynSilo silo, ILogger<ReminderPoller>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<ReminderPoller>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, silo.Stopping);
        var token = lifetime.Token;
        try
        {
            await silo.Started.WaitAsync(token);
            if (!silo.Options.PollReminders) return;
            while (!token.IsCancellationRequested)
            {
                try
                {
                    await silo.Reminders.DeliverDueAsync(token);
                }
                catch (Exception error) when (!token.IsCancellationRequested)
                {
                    _logger.LogError(error, "Reminder polling on {Silo} failed; trying again next interval.", silo.Name);
                }

                await Task.Delay(silo.Options.ReminderPollInterval, silo.Options.InfrastructureTime, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
