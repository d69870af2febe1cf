using Billing.Azure;
using Billing.Azure.Configuration;
using Billing.Core;
using Billing.Local;
using Billing.Local.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Billing.Cli.Hosting;

/// <summary>
/// The CLI's composition root: the service provider of one data folder and backend, with the Core use cases
/// (<c>AddBillingCore()</c>) over the backend's adapters (<c>AddLocalBilling()</c> or <c>AddAzureBilling()</c>).
/// Configuration is <c>settings.json</c> of the data folder plus environment variables. The folder is opened as
/// <see cref="CliHostOptions.Access"/> allows (<see cref="DataFolder"/>) before anything is written.
/// </summary>
public static class CliHost
{
    /// <summary>Builds the provider; <paramref name="time"/> replaces the system clock (the demo's simulated days).</summary>
    /// <param name="configure">Last-minute registrations (a command's decorators, a test's fakes).</param>
    public static ServiceProvider Build(CliHostOptions options, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // With Azure the folder only holds settings.json: it is read when it is there, never created.
        var data = options.Backend == BillingBackend.Azure
            ? LocalDataDirectory.OpenReadOnly(options.DataDirectory)
            : DataFolder.Open(options.DataDirectory, options.Access);
        var configuration = LocalSettings.Load(data);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddLogging(logging =>
        {
            if (options.Verbose)
            {
                logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Information);
            }
        });
        services.AddBillingCore();
        if (options.Backend == BillingBackend.Azure)
        {
            // The Azure adapters (their settings come from the environment, as in the Functions app), the renderer and the report formats.
            services.AddAzureBilling(configuration);
        }
        else
        {
            services.AddLocalBilling(data);
        }

        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        if (options.Backend == BillingBackend.Azure)
        {
            // On the emulators, create what Bicep creates in Azure (against Azure this does nothing).
            try
            {
                provider.GetRequiredService<EmulatorResourceSetup>().EnsureCreatedAsync().GetAwaiter().GetResult();
            }
            catch
            {
                provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }

        return provider;
    }

}
