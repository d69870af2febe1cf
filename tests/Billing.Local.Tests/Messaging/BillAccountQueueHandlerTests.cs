using Billing.Local.Messaging;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.Messaging;

public sealed class BillAccountQueueHandlerTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 31, 5, 0, 0, TimeSpan.Zero));

    /// <summary>The local handler used to skip this check that the Azure trigger made; both now read messages through Core.</summary>
    [Theory]
    [InlineData("{\"accountId\":\"\",\"billingDate\":\"2026-03-31\"}")]
    [InlineData("{\"billingDate\":\"2026-03-31\"}")]
    public async Task HandleAsync_WithoutAnAccountId_Throws_SoItEndsInThePoisonTable(string json)
    {
        await using var provider = LocalBillingHost.Build(_dir.Path, _time);
        var handler = Assert.Single(provider.GetServices<ILocalQueueHandler>(), h => h is BillAccountQueueHandler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => handler.HandleAsync(json, CancellationToken.None));

        Assert.Contains("accountId", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
