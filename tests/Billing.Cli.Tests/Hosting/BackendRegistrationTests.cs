using Billing.Azure;
using Billing.Core.Storage;
using Billing.Documents;
using Billing.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Cli.Tests.Hosting;

/// <summary>
/// The two backends are interchangeable: <c>AddLocalBilling</c> and <c>AddAzureBilling</c> register the same set of the
/// application's services (Core's ports and use-case dependencies, the document renderers), so a use case that resolves
/// on one resolves on the other. Adapter-only types (SQLite database, Cosmos client, local queue runner) may differ.
/// </summary>
public sealed class BackendRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "billing-backends-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void AddLocalBillingAndAddAzureBilling_RegisterTheSameApplicationServices()
    {
        var local = ApplicationServices(new ServiceCollection().AddLocalBilling(_folder));
        var azure = ApplicationServices(new ServiceCollection().AddAzureBilling(new ConfigurationBuilder().Build()));

        Assert.NotEmpty(local);
        Assert.Equal(local, azure);
    }

    private static List<string> ApplicationServices(IServiceCollection services) =>
        services.Select(d => d.ServiceType).Where(IsApplicationType).Select(t => t.FullName!).Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool IsApplicationType(Type type) =>
        type.Assembly == typeof(IDocumentStore).Assembly || type.Assembly == typeof(InvoiceDocumentRenderer).Assembly;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
