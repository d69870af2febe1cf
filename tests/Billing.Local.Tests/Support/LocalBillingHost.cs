using Billing.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.Support;

/// <summary>The embedded default wired as the CLI wires it, on a data folder, with a fake clock and a test seller.</summary>
public static class LocalBillingHost
{
    /// <param name="settings">Settings on top of the test seller (<c>DUNNING_REQUIRE_BANK_FILE</c>, say).</param>
    public static ServiceProvider Build(string dataDirectory, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seller:LegalName"] = "Testverkäufer GmbH",
            ["Seller:VatId"] = "DE123456789",
            ["Seller:Street"] = "Hauptstraße 1",
            ["Seller:City"] = "Berlin",
            ["Seller:PostalCode"] = "10115",
            ["Seller:CountryCode"] = "DE",
            ["Seller:Email"] = "billing@seller.example",
            ["Seller:Iban"] = "DE89370400440532013000",
            ["Seller:Bic"] = "COBADEFFXXX",
            ["Seller:DomesticVatRate"] = "19",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddBillingCore();
        services.AddLocalBilling(dataDirectory);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
