using Billing.Core.Email;
using Billing.Core.Messaging;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Documents.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Billing.Local.Memory;

public static class MemoryBillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers in-memory adapters for capacity simulations: the <see cref="MemoryDocumentStore"/> behind a
    /// <see cref="LatentDocumentStore"/> (every operation takes <paramref name="latency"/> and is counted by kind), in-memory
    /// blobs and work queues, an email sender and an event sink that deliver nothing (the events outbox and its relay still
    /// run), the real PDF/UBL renderer and the <c>bill-account</c>, <c>send-invoice</c> and <c>dunning-notice</c> handlers
    /// (drained with <see cref="MemoryWorkQueue.DrainAsync"/>). Call <c>AddBillingCore()</c> too for the use cases.
    /// </summary>
    public static IServiceCollection AddMemoryBilling(this IServiceCollection services, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MemoryDocumentStore>();
        services.AddSingleton(sp => new LatentDocumentStore(sp.GetRequiredService<MemoryDocumentStore>(), latency));
        services.AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<LatentDocumentStore>());
        services.AddSingleton<MemoryBlobStore>();
        services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<MemoryBlobStore>());
        services.AddSingleton<MemoryWorkQueue>();
        services.AddSingleton<IWorkQueue>(sp => sp.GetRequiredService<MemoryWorkQueue>());
        services.AddSingleton<NullEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<NullEmailSender>());
        services.AddSingleton<NullEventSink>();
        services.AddEventOutboxRelayedTo<NullEventSink>();
        services.AddInvoiceDocuments();
        services.AddReportDocuments();
        services.AddBillingQueueHandlers();
        return services;
    }
}
