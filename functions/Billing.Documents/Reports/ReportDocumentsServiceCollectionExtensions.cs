using Billing.Core.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Documents.Reports;

public static class ReportDocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the report file formats (JSON, CSV, HTML with its index page) that <see cref="ReportPublisher"/> writes.
    /// Calling it twice registers nothing new.
    /// </summary>
    public static IServiceCollection AddReportDocuments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormat, ReportJsonFormat>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormat, ReportCsvFormat>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormat, ReportHtmlFormat>());
        return services;
    }
}
