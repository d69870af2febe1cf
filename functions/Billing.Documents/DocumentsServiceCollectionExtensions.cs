using Billing.Core.Documents;
using Billing.Documents.Pdf;
using Billing.Documents.Ubl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IInvoiceDocumentRenderer"/> (PDF + UBL) as a singleton. Calling it twice registers nothing new.
    /// </summary>
    public static IServiceCollection AddInvoiceDocuments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InvoicePdfRenderer>();
        services.TryAddSingleton<UblInvoiceWriter>();
        services.TryAddSingleton<IInvoiceDocumentRenderer, InvoiceDocumentRenderer>();
        return services;
    }
}
