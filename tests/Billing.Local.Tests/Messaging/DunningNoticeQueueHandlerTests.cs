using System.Text.Json;
using Billing.Local.Messaging;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Local.Tests.Messaging;

public sealed class DunningNoticeQueueHandlerTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 31, 7, 0, 0, TimeSpan.Zero));

    private ILocalQueueHandler Handler(ServiceProvider provider) =>
        Assert.Single(provider.GetServices<ILocalQueueHandler>(), h => h is DunningNoticeQueueHandler);

    [Fact]
    public async Task AddLocalBilling_DrainsThePageQueuesFirst_ThenBilling_ThenDunningNotices()
    {
        await using var provider = LocalBillingHost.Build(_dir.Path, _time);

        Assert.Equal(["schedule-billing-page", "schedule-dunning-page", "bill-account", "send-invoice", "dunning-notice"], provider.GetRequiredService<LocalQueueRunner>().QueueNames);
    }

    [Fact]
    public async Task HandleAsync_AccountThatDoesNotExist_SkipsWithoutThrowing()
    {
        await using var provider = LocalBillingHost.Build(_dir.Path, _time, new Dictionary<string, string?> { ["DUNNING_REQUIRE_BANK_FILE"] = "false" });

        await Handler(provider).HandleAsync("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}", CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "outbox")) && Directory.EnumerateFiles(Path.Combine(_dir.Path, "outbox")).Any());
    }

    [Theory]
    [InlineData("{\"accountId\":\"\",\"runDate\":\"2026-03-31\",\"items\":[{\"invoiceId\":\"inv-1\",\"stage\":2}]}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\",\"items\":[]}")]
    [InlineData("{\"accountId\":\"acc-7\",\"runDate\":\"2026-03-31\"}")]
    public async Task HandleAsync_IncompleteMessage_Throws_SoItEndsInThePoisonTable(string json)
    {
        await using var provider = LocalBillingHost.Build(_dir.Path, _time);

        await Assert.ThrowsAsync<ArgumentException>(() => Handler(provider).HandleAsync(json, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_NotJson_Throws()
    {
        await using var provider = LocalBillingHost.Build(_dir.Path, _time);

        await Assert.ThrowsAsync<JsonException>(() => Handler(provider).HandleAsync("not json", CancellationToken.None));
    }

    public void Dispose() => _dir.Dispose();
}
