using Billing.Azure;
using Billing.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Functions;

public static class BillingFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the triggers need: the Core use cases over the Azure adapters (which bring the invoice renderer and the
    /// report formats, without which <c>SnapshotReports</c> would store snapshots but write no files); on the local emulators,
    /// their resources are created at start-up (<see cref="EmulatorResourceStartup"/>). Program.cs adds only hosting
    /// concerns (Application Insights) on top, so tests can build the same graph.
    /// </summary>
    public static IServiceCollection AddBillingFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBillingCore()
            .AddAzureBilling(configuration)
            .AddHostedService<EmulatorResourceStartup>();
}
