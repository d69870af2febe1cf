using Billing.Azure.Configuration;
using Microsoft.Extensions.Hosting;

namespace Billing.Functions;

/// <summary>
/// At start-up, creates the database, containers, queues and blob containers when the app runs against the local
/// emulators (<see cref="EmulatorResourceSetup"/> decides; against Azure it creates nothing).
/// </summary>
public sealed class EmulatorResourceStartup(EmulatorResourceSetup setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => setup.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
