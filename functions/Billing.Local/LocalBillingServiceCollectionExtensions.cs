using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Documents.Reports;
using Billing.Local.Email;
using Billing.Local.Events;
using Billing.Local.Messaging;
using Billing.Local.Scheduling;
using Billing.Local.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Billing.Local;

public static class LocalBillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded default's adapters on the folder <paramref name="dataDirectory"/>: the SQLite
    /// document store and work queue (<c>billing.db</c>), folder blobs, the .eml outbox, the events outbox in
    /// <c>billing.db</c> relayed to the JSON-lines event log (at once after each flow, and by the <c>events</c> job), the PDF/UBL renderer and the report formats; plus the queue runner with the <c>bill-account</c>,
    /// <c>send-invoice</c> and <c>dunning-notice</c> handlers and the scheduled jobs, which run in this order:
    /// billing, dunning, reports, events. Call <c>AddBillingCore()</c> too for the use cases.
    /// </summary>
    public static IServiceCollection AddLocalBilling(this IServiceCollection services, string dataDirectory) =>
        services.AddLocalBilling(new LocalDataDirectory(dataDirectory));

    /// <summary>As <see cref="AddLocalBilling(IServiceCollection, string)"/>, on a folder already opened (read-only or not).</summary>
    public static IServiceCollection AddLocalBilling(this IServiceCollection services, LocalDataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(data);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalDatabase>();
        services.AddSingleton<SqliteDocumentStore>();
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        services.AddSingleton<IDocumentWriteBatching>(sp => sp.GetRequiredService<SqliteDocumentStore>());
        services.AddSingleton<IBlobStore, FolderBlobStore>();
        services.AddSingleton<InProcessWorkQueue>();
        services.AddSingleton<IWorkQueue>(sp => sp.GetRequiredService<InProcessWorkQueue>());
        services.AddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddSingleton<JsonLinesEventPublisher>();
        services.AddEventOutboxRelayedTo<JsonLinesEventPublisher>();
        services.AddInvoiceDocuments();
        services.AddReportDocuments();
        services.AddSingleton<LocalQueueRunner>();
        services.AddSingleton<LocalScheduledRun>();
        services.AddBillingQueueHandlers();
        services.AddLocalScheduledJob<BillingScheduleJob>();
        services.AddLocalScheduledJob<DunningScheduleJob>();
        services.AddLocalScheduledJob<ReportsScheduleJob>();
        services.AddLocalScheduledJob<RelayEventsJob>();
        return services;
    }

    /// <summary>
    /// The events outbox the use cases publish to (<see cref="OutboxEventPublisher"/>, in the document store) with its
    /// <see cref="EventRelay"/>, which sends to <typeparamref name="TSink"/> (registered separately); both write in batches where the
    /// store batches (<see cref="IDocumentWriteBatching"/>, when registered).
    /// </summary>
    public static IServiceCollection AddEventOutboxRelayedTo<TSink>(this IServiceCollection services)
        where TSink : class, IEventPublisher
    {
        services.AddSingleton(sp => new EventRelay(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TSink>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EventRelay>>(),
            batching: sp.GetService<IDocumentWriteBatching>()));
        services.AddSingleton<IEventPublisher>(sp => new OutboxEventPublisher(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EventRelay>(),
            sp.GetService<IDocumentWriteBatching>()));
        return services;
    }

    /// <summary>
    /// The handlers of the <c>schedule-billing-page</c>, <c>schedule-dunning-page</c>, <c>bill-account</c>,
    /// <c>send-invoice</c> and <c>dunning-notice</c> queues, in that order (a fan-out's pages first, so its messages are
    /// enqueued in page order).
    /// </summary>
    public static IServiceCollection AddBillingQueueHandlers(this IServiceCollection services)
    {
        services.AddLocalQueueHandler<ScheduleBillingPageQueueHandler>();
        services.AddLocalQueueHandler<ScheduleDunningPageQueueHandler>();
        services.AddLocalQueueHandler<BillAccountQueueHandler>();
        services.AddLocalQueueHandler<SendInvoiceQueueHandler>();
        services.AddLocalQueueHandler<DunningNoticeQueueHandler>();
        return services;
    }

    /// <summary>Adds a handler for one local queue; <see cref="LocalQueueRunner"/> drains queues in the order their handlers were added.</summary>
    public static IServiceCollection AddLocalQueueHandler<THandler>(this IServiceCollection services)
        where THandler : class, ILocalQueueHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILocalQueueHandler, THandler>());
        return services;
    }

    /// <summary>Adds a job to every <see cref="LocalScheduledRun"/> (what a timer trigger is in Azure); jobs run in the order they were added.</summary>
    public static IServiceCollection AddLocalScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, ILocalScheduledJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILocalScheduledJob, TJob>());
        return services;
    }
}
