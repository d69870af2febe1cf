using Billing.Core.Ingestion;
using Billing.Core.Suspense;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Core.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>Registers bank-file ingestion, payment matching and applying, suspense queries and resolution.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddSingleton<PaymentLedger>();
        services.AddSingleton<PaymentRecorder>();
        services.AddSingleton<PaymentRecorderPort>();
        services.AddSingleton<CreditNoteSettler>();
        services.AddSingleton<CreditRefunds>();
        services.AddSingleton<CreditBalanceApplication>();
        services.AddSingleton<BankFileIngestion>();
        services.AddSingleton<SuspenseQueries>();
        services.AddSingleton<SuspenseResolution>();
        return services;
    }
}
