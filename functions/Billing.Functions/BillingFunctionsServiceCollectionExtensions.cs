using Billing.Azure;
using Billing.Core;
using Billing.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Functions;

public static class BillingFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the triggers need: the Core use cases, the invoice renderer and the Azure adapters. Program.cs
    /// adds only hosting concerns (Application Insights) on top, so tests can build the same graph.
    /// </summary>
    public static IServiceCollection AddBillingFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBillingCore()
            .AddInvoiceDocuments()
            .AddAzureBilling(configuration);
}
