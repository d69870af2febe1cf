using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Core.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the report use cases (<see cref="ReportPublisher"/>, <see cref="ReportBuilder"/>, <see cref="ReportSnapshotStore"/>)
    /// and binds <see cref="ReportOptions"/> to the <c>Reports</c> section. The file formats come from
    /// <c>AddReportDocuments()</c> in Billing.Documents; without them snapshots are still stored and announced.
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReportBuilder>();
        services.TryAddSingleton<ReportSnapshotStore>();
        services.TryAddSingleton<ReportPublisher>();
        return services;
    }
}
