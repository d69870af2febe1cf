using Billing.Core.Delivery;
using Billing.Core.Dunning;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Messaging;
using Billing.Core.Payments;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Core;

public static class BillingCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the use cases and binds their options (<c>Seller</c>, queue and container names). The
    /// adapters (store, blobs, queues, email, events, renderer) come from <c>AddLocalBilling()</c> or
    /// <c>AddAzureBilling()</c>.
    /// </summary>
    public static IServiceCollection AddBillingCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDocumentWriteBatching>(sp => new UnbatchedWrites(sp.GetRequiredService<IDocumentStore>()));
        services.AddOptions<SellerOptions>().BindConfiguration(SellerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueueOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.BillAccount = config["BILL_ACCOUNT_QUEUE"] ?? options.BillAccount;
            options.SendInvoice = config["SEND_INVOICE_QUEUE"] ?? options.SendInvoice;
            options.DunningNotice = config["DUNNING_NOTICE_QUEUE"] ?? options.DunningNotice;
            options.ScheduleBillingPage = config["SCHEDULE_BILLING_PAGE_QUEUE"] ?? options.ScheduleBillingPage;
            options.ScheduleDunningPage = config["SCHEDULE_DUNNING_PAGE_QUEUE"] ?? options.ScheduleDunningPage;
        });
        services.AddOptions<SchedulePageOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.BillingPageSize = PageSize(config, "BILLING_SCHEDULE_PAGE_SIZE", options.BillingPageSize);
            options.DunningPageSize = PageSize(config, "DUNNING_SCHEDULE_PAGE_SIZE", options.DunningPageSize);
        }).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BlobContainerOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.Invoices = config["INVOICES_CONTAINER"] ?? options.Invoices;
            options.BankFiles = config["BANK_FILES_CONTAINER"] ?? options.BankFiles;
            options.Reports = config["REPORTS_CONTAINER"] ?? options.Reports;
            options.BankArchive = config["BANK_ARCHIVE_CONTAINER"] ?? options.BankArchive;
        });
        services.AddSingleton<InvoiceNumberSequence>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddSingleton<AccountBiller>();
        services.AddSingleton<BillingScheduler>();
        services.AddSingleton<InvoiceMailer>();
        services.AddSingleton<Messaging.SendInvoiceMessageHandler>();
        services.AddSingleton<Accounts.AccountImporter>();
        services.AddDunning();
        services.AddPayments();
        Reporting.ReportingServiceCollectionExtensions.AddReporting(services);
        return services;
    }

    private static int PageSize(IConfiguration config, string setting, int fallback) =>
        config[setting] is not { } text ? fallback
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) ? size
        : throw new InvalidOperationException($"{setting} is '{text}': expected a whole number of documents (1-10000).");
}
