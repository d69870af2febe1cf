using Billing.Core;
using Billing.Core.Documents;
using Billing.Core.Dunning;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Invoicing;
using Billing.Core.Messaging;
using Billing.Core.Payments;
using Billing.Core.Reporting;
using Billing.Core.Storage;
using Billing.Documents.Reports;
using Billing.Functions.Reports;
using Billing.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Billing.Functions.Tests.Support.StoredSequences;

namespace Billing.Functions.Tests.Reports;

/// <summary>The report timer hands today's UTC date to <see cref="ReportPublisher"/>, which writes the files with the registered formats.</summary>
public sealed class ReportTriggerDelegationTests
{
    private readonly IDocumentStore _store = Substitute.For<IDocumentStore>();
    private readonly IBlobStore _blobs = Substitute.For<IBlobStore>();
    private readonly IEventPublisher _events = Substitute.For<IEventPublisher>();

    // 01:30 in UTC+2 on April 1st is still March 31st in UTC: the reports are as of the UTC date.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 1, 30, 0, TimeSpan.FromHours(2)));

    public ReportTriggerDelegationTests()
    {
        _store.QueryAsync<Invoice>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<Invoice>());
        _store.QueryAsync<Payment>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<Payment>());
        _store.QueryAllAsync<AccountCredit>(Arg.Any<CancellationToken>()).Returns(_ => Empty<AccountCredit>());
        _store.QueryAsync<DunningNotice>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<DunningNotice>());
        _store.QueryPartitionAsync<ReportSnapshot>(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(_ => Empty<ReportSnapshot>());
        _store.TryCreateAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<ReportSnapshot>(), Arg.Any<CancellationToken>())
            .Returns(ci => new Stored<ReportSnapshot>(DocumentKey.For<ReportSnapshot>(ci.ArgAt<string>(0), ci.ArgAt<string>(1)), ci.ArgAt<ReportSnapshot>(2), "e1"));
        _blobs.TryCreateAsync(Arg.Any<BlobRef>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>?>(), Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task SnapshotReports_PublishesTheDailyReportsAsOfTodayInUtc_InEveryFormat()
    {
        var function = new SnapshotReports(Publisher(), _time, new ListLogger<SnapshotReports>());

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        foreach (var report in ReportNames.Daily)
        {
            foreach (var extension in new[] { "json", "csv", "html" })
            {
                await _blobs.Received(1).TryCreateAsync(
                    new BlobRef("reports", $"2026-03-31/{report}.{extension}"), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>?>(), Arg.Any<CancellationToken>());
            }
        }

        await _blobs.Received(1).WriteAsync(new BlobRef("reports", "2026-03-31/index.html"), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>?>(), Arg.Any<CancellationToken>());
        await _blobs.Received(1).WriteAsync(new BlobRef("reports", "latest/index.html"), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, string>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SnapshotReports_LogsThePublication()
    {
        var logger = new ListLogger<SnapshotReports>();
        var function = new SnapshotReports(Publisher(), _time, logger);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.Equal(ReportNames.Daily.Select(r => $"{r}-2026-03-31"), logger.Entries.Where(e => e.Values.ContainsKey("SnapshotId")).Select(e => (string)e.Values["SnapshotId"]!));
        var finished = Assert.Single(logger.Entries, e => e.Values.ContainsKey("ReportCount"));
        Assert.Equal(new DateOnly(2026, 3, 31), finished.Values["AsOf"]);
        Assert.Equal(ReportNames.Daily.Count, finished.Values["ReportCount"]);
        Assert.Equal(ReportNames.Daily.Count, finished.Values["ChangedCount"]);
        Assert.Equal("2026-03-31/index.html", finished.Values["IndexPath"]);
    }

    [Fact]
    public async Task SnapshotReports_WhenTheStoreFails_Throws_SoTheRetryPolicyRunsItAgain()
    {
        _store.QueryAsync<Invoice>(Arg.Any<DocumentQuery>(), Arg.Any<CancellationToken>()).Returns(_ => throw new InvalidOperationException("store down"));
        var function = new SnapshotReports(Publisher(), _time, new ListLogger<SnapshotReports>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => function.RunAsync(new TimerInfo(), CancellationToken.None));
        await _blobs.DidNotReceiveWithAnyArgs().WriteAsync(default!, default!, default!, default, default);
    }

    /// <summary>The publisher as the Functions app wires it (AddBillingCore + AddReportDocuments), over substitutes of every port.</summary>
    private ReportPublisher Publisher()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<TimeProvider>(_time)
            .AddBillingCore()
            .AddReportDocuments();
        services.AddSingleton(_store);
        services.AddSingleton(_blobs);
        services.AddSingleton(_events);
        services.AddSingleton(Substitute.For<IWorkQueue>());
        services.AddSingleton(Substitute.For<IEmailSender>());
        services.AddSingleton(Substitute.For<IInvoiceDocumentRenderer>());
        return services.BuildServiceProvider().GetRequiredService<ReportPublisher>();
    }
}
