using System.Globalization;
using System.Text;
using Billing.Core.Accounts;
using Billing.Core.Email;
using Billing.Core.Events;
using Billing.Core.Ingestion;
using Billing.Core.Invoicing;
using Billing.Core.Issuing;
using Billing.Core.Matching;
using Billing.Core.Messaging;
using Billing.Core.Payments;
using Billing.Core.Storage;
using Billing.Core.Suspense;
using Billing.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Billing.Testing.Simulation;

/// <summary>
/// One seeded run of the real use cases the way Azure Functions runs them: billing fan-out with numbering and sending,
/// several bank files ingested at once (overlapping, paying the same invoices twice, over- and under-paying, one uploaded
/// twice), a month's second billing that uses credit balances, two people resolving the suspense account with the same
/// file at once, and returns — each a queue message handled by several concurrent workers, delivered at least once,
/// with faults injected before and after every store, blob, queue and email call. Then retries finish (faults off,
/// poison replayed), the invariants are checked (<see cref="SimulationInvariants"/>), everything is replayed once more,
/// and nothing may change.
/// </summary>
public sealed class MoneySimulation : IDisposable
{
    private const string Schedule = "schedule";
    private const string Ingest = "ingest";
    private const string Decide = "decide";

    private static readonly decimal[] s_prices = [10m, 49.99m, 100m, 250m, 0.01m];

    private readonly BillingWorld _world;
    private readonly SimulationFaults _faults;
    private readonly SimulatedQueues _queues;
    private readonly InMemoryBlobStore _blobs = new();
    private readonly List<(string Name, byte[] Content)> _files = [];
    private readonly Dictionary<string, string> _intendedAccountOfBankRef = new(StringComparer.Ordinal);
    private readonly int _workers;
    private int _raceParked;

    /// <param name="seed">Every random choice of the run.</param>
    /// <param name="store">The store under test (the in-memory fake by default; the embedded SQLite store in Billing.Local.Tests).</param>
    public MoneySimulation(int seed, IDocumentStore? store = null)
    {
        Seed = seed;
        RawStore = store ?? new InMemoryDocumentStore();
        _faults = new SimulationFaults(seed, rate: 0.04);
        _workers = 2 + _faults.Next(6);
        _world = new BillingWorld(new DateOnly(2026, 1, 1), services =>
        {
            services.AddSingleton<IDocumentStore>(new FaultyDocumentStore(RawStore, _faults));
            services.AddSingleton<IBlobStore>(new FaultyBlobStore(_blobs, _faults));
            services.AddSingleton<IEmailSender>(Mailbox);
            services.AddSingleton<IWorkQueue>(_ => _queues!);

            // Integration events go through the outbox to a Service Bus that is down while the faults last (an outage).
            services.AddSingleton(sp => new EventRelay(sp.GetRequiredService<IDocumentStore>(), EventBus, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IEventPublisher>(sp => new OutboxEventPublisher(
                sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EventRelay>()));
        });
        _queues = new SimulatedQueues(_faults, _world.Clock);
    }

    public int Seed { get; }

    /// <summary>Service Bus: down while the faults last, back when they stop.</summary>
    public FlakyEventSink EventBus { get; } = new() { Down = true };

    public SimulatedMailbox Mailbox => _mailbox ??= new SimulatedMailbox(_faults);

    public IDocumentStore RawStore { get; }

    public long FaultsInjected => _faults.Injected;

    public int Poisoned { get; private set; }

    /// <summary>What the run exercised (so a test can tell a simulation that did something from one that did nothing).</summary>
    public SimulationCoverage Exercised { get; private set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    private SimulatedMailbox? _mailbox;

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await SetUpAsync();

        _faults.Enabled = true;
        await TickAsync(Schedule, "2026-01-01");
        await UploadStatementsAsync();
        await DrainAsync();
        _world.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 1, 6, 0, 0, TimeSpan.Zero));
        await TickAsync(Schedule, "2026-02-01");
        await DrainAsync();
        await UploadDecisionsAsync();
        await DrainAsync();
        await UploadReturnsAsync();
        await DrainAsync();

        // Retries finish: the faults were transient, so a replay of the poison queue (as an operator would) completes it.
        _faults.Enabled = false;
        EventBus.Down = false;
        Poisoned = _queues.Poison.Count;
        var reasons = _queues.Poison.Where(m => string.IsNullOrEmpty(m.LastError)).Select(m => $"poisoned without a reason: {m.Queue} {m.Body}").ToList();
        _queues.ReplayPoison();
        await DrainAsync();
        var violations = new List<string>(reasons);
        violations.AddRange(_queues.Poison.Select(m => $"still failing after the faults stopped: {m.Queue} {m.Body}: {m.LastError}"));

        // Service Bus is back: the relay (the RelayEvents timer) sends what waited through the outage.
        await _world.Get<EventRelay>().RelayAsync(ignoreBackoff: true);
        var invariants = new SimulationInvariants(RawStore, Mailbox, _files.Select(f => f.Content).ToList(), EventBus);
        violations.AddRange(await invariants.CheckAsync());
        var before = await invariants.SnapshotAsync();

        // A replay of everything (every message again, every file again under a new name) changes nothing.
        foreach (var (queue, body) in _queues.History.ToList())
        {
            _queues.Add(queue, body);
        }

        for (var i = 0; i < _files.Count; i++)
        {
            await _blobs.WriteAsync(new BlobRef("bank-files", $"incoming/replay-{i}-{_files[i].Name}"), new MemoryStream(_files[i].Content), "application/octet-stream");
            _queues.Add(Ingest, $"replay-{i}-{_files[i].Name}");
        }

        await DrainAsync();
        var after = await invariants.SnapshotAsync();
        if (before != after)
        {
            violations.Add($"a replay changed the state:\n--- before\n{before}\n--- after\n{after}");
        }

        violations.AddRange(_queues.Poison.Select(m => $"the replay failed: {m.Queue} {m.Body}: {m.LastError}"));
        var payments = await AllAsync<Payment>();
        var invoices = await AllAsync<Invoice>();
        Exercised = new SimulationCoverage(
            invoices.Count(i => !i.IsCreditNote), invoices.Count(i => i.IsCreditNote),
            payments.Count(p => p.Status == PaymentStatus.Applied), payments.Count(p => p.Rule == MatchRule.Manual || p.Status == PaymentStatus.Parked),
            payments.Count(p => p.Status == PaymentStatus.Refunded), payments.Count(p => p.Status == PaymentStatus.Returned),
            payments.Count(p => p.SettlementNote is not null) + _raceParked, _queues.DuplicateDeliveries);
        return violations;
    }

    private async Task SetUpAsync()
    {
        var accounts = 2 + _faults.Next(4);
        var plans = s_prices.Select((p, i) => BillingWorld.Plan($"p{i}", p)).ToList();
        var imported = new List<ImportedAccount>();
        for (var a = 0; a < accounts; a++)
        {
            var id = $"acc{a}";
            var quantity = 1 + _faults.Next(3);

            // Some customers reduce their quantity or cancel mid-January: credit notes, settled against what they owe.
            var change = _faults.Next(3);
            imported.Add(new ImportedAccount
            {
                Account = BillingWorld.Account(id),
                Subscriptions =
                [
                    BillingWorld.Subscription($"{id}-s", id, plans[_faults.Next(plans.Count)].Id, quantity, new DateOnly(2026, 1, 1),
                        change == 1 ? new DateOnly(2026, 1, 20) : null,
                        change == 2 && quantity > 1 ? [new Core.Subscriptions.SubscriptionChange { EffectiveDate = new DateOnly(2026, 1, 16), Quantity = 1 }] : []),
                ],
            });
        }

        var world = _world;
        await world.Get<AccountImporter>().ImportAsync(new AccountImportFile { Plans = plans, Accounts = imported });
    }

    private Task TickAsync(string kind, string body)
    {
        _queues.Add(kind, body);
        return Task.CompletedTask;
    }

    private Task DrainAsync() => _queues.DrainAsync(_workers, HandleAsync);

    private async Task HandleAsync(SimulatedMessage message)
    {
        var queues = _world.Get<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value;
        switch (message.Queue)
        {
            case Schedule:
                await _world.Get<BillingScheduler>().ScheduleAsync(DateOnly.Parse(message.Body, CultureInfo.InvariantCulture));
                break;
            case Ingest:
                var report = await _world.Get<BankFileIngestion>().IngestAsync(new BlobRef("bank-files", $"incoming/{message.Body}"), dryRun: false);
                if (report.Outcome == IngestionOutcome.Quarantined)
                {
                    throw new InvalidOperationException($"A valid statement was quarantined: {report.Error}");
                }

                break;
            case Decide:
                await using (var content = await _world.Get<IBlobStore>().OpenReadAsync(new BlobRef("bank-files", $"decisions/{message.Body}"))
                    ?? throw new InvalidOperationException("decisions file vanished"))
                {
                    var result = await _world.Get<SuspenseResolution>().ApplyAsync(message.Body, content);
                    if (result.Rejected > 0)
                    {
                        throw new InvalidOperationException($"decision lines rejected: {string.Join("; ", result.Lines.Where(l => l.Status == DecisionStatus.Rejected).Select(l => l.Message))}");
                    }
                }

                break;
            default:
                if (message.Queue == queues.BillAccount)
                {
                    var bill = QueueMessageParser.BillAccount(message.Body);
                    await _world.Get<AccountBiller>().BillAsync(bill.AccountId, bill.BillingDate);
                }
                else if (message.Queue == queues.SendInvoice)
                {
                    await _world.Get<SendInvoiceMessageHandler>().HandleAsync(message.Body);
                }
                else
                {
                    throw new InvalidOperationException($"no handler for queue {message.Queue}");
                }

                break;
        }
    }

    /// <summary>Statements paying the January invoices the way payers do, ingested all at once.</summary>
    private async Task UploadStatementsAsync()
    {
        // The invoices exist only once billing ran: the statements are written as the bank would, a little later.
        _faults.Enabled = false;
        await DrainAsync();
        var invoices = (await AllAsync<Invoice>()).Where(i => i.Number is not null && !i.IsCreditNote).OrderBy(i => i.Number, StringComparer.Ordinal).ToList();
        var files = new List<List<TestEntry>> { new(), new(), new() };
        var n = 0;
        foreach (var invoice in invoices)
        {
            var due = invoice.GrossTotal.Amount;
            TestEntry Entry(decimal amount) => Remember(new TestEntry(amount, $"REF-{Seed}-{++n}")
            {
                CreditorReference = _faults.Next(2) == 0 ? invoice.CreditorReference : null,
                Text = $"Invoice {invoice.Number}",
                EndToEndId = $"E2E-{Seed}-{n}",
                Date = "2026-01-20",
            }, invoice.AccountId);
            switch (_faults.Next(6))
            {
                case 0: // exact, in one file
                    files[_faults.Next(3)].Add(Entry(due));
                    break;
                case 1: // paid twice, in two files ingested at the same time
                    files[0].Add(Entry(due));
                    files[1].Add(Entry(due));
                    break;
                case 2: // overpaid: the rest goes to the credit balance, used by February's invoice
                    files[_faults.Next(3)].Add(Entry(due + 1 + _faults.Next(200)));
                    break;
                case 3: // partly paid
                    files[_faults.Next(3)].Add(Entry(Math.Max(0.01m, Math.Round(due / 2, 2))));
                    break;
                case 4: // the same entry in two overlapping statements (an intraday report and the day's statement)
                    var entry = Entry(due);
                    files[1].Add(entry);
                    files[2].Add(entry);
                    break;
                default: // nobody pays
                    break;
            }
        }

        // A payer nobody knows: parked for a person (who will refund it).
        files[2].Add(new TestEntry(12.34m, $"REF-{Seed}-unknown") { Text = "gift", EndToEndId = $"E2E-{Seed}-unknown" });
        for (var f = 0; f < files.Count; f++)
        {
            await UploadAsync($"stmt-{f}.xml", TestBankFiles.Camt053(files[f], statementId: $"S{Seed}-{f}").ToArray());
        }

        // One file uploaded twice: refused as a duplicate by its content hash.
        await UploadAsync("stmt-0-again.xml", _files[0].Content);
        _faults.Enabled = true;
    }

    private async Task<List<T>> AllAsync<T>() where T : class, IDocument
    {
        var all = new List<T>();
        await foreach (var item in RawStore.QueryAllAsync<T>())
        {
            all.Add(item.Value);
        }

        return all;
    }

    private TestEntry Remember(TestEntry entry, string accountId)
    {
        _intendedAccountOfBankRef[entry.Reference] = accountId;
        return entry;
    }

    /// <summary>The parked payments, decided by two people uploading the same decisions at once.</summary>
    private async Task UploadDecisionsAsync()
    {
        _faults.Enabled = false;
        var csv = new StringBuilder("payment_id,decision,target,note\n");
        await foreach (var parked in RawStore.QueryPartitionAsync<Payment>(Payment.SuspensePartition))
        {
            if (parked.Value.Status != PaymentStatus.Parked)
            {
                continue;
            }

            if (parked.Value.ParkReason?.Contains("nothing was due any more", StringComparison.Ordinal) == true)
            {
                _raceParked++; // two files paid the same invoice at the same moment, and the race was decided on the invoice
            }

            csv.Append(parked.Value.BankReference is { } reference && _intendedAccountOfBankRef.TryGetValue(reference, out var account)
                ? $"{parked.Value.Id},account,{account},paid twice: keep as credit\n"
                : $"{parked.Value.Id},refund,,unknown payer\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        foreach (var name in new[] { "first.csv", "second.csv" })
        {
            await _blobs.WriteAsync(new BlobRef("bank-files", $"decisions/{name}"), new MemoryStream(bytes), "text/csv");
            _queues.Add(Decide, name);
        }

        _faults.Enabled = true;
    }

    /// <summary>The bank returns some applied payments (an account closed, a reversed transfer).</summary>
    private async Task UploadReturnsAsync()
    {
        _faults.Enabled = false;
        var entries = new List<TestEntry>();
        var n = 0;
        foreach (var account in _intendedAccountOfBankRef.Values.Distinct().Order(StringComparer.Ordinal))
        {
            await foreach (var payment in RawStore.QueryPartitionAsync<Payment>(account))
            {
                if (payment.Value.Status == PaymentStatus.Applied && payment.Value.EndToEndId is { } e2e && _faults.Next(3) == 0)
                {
                    entries.Add(new TestEntry(payment.Value.Amount.Amount, $"RET-{Seed}-{++n}")
                    {
                        Credit = false, Reversal = true, ReturnReason = "AC04", EndToEndId = e2e, Date = "2026-02-03",
                    });
                }
            }
        }

        if (entries.Count > 0)
        {
            await UploadAsync("returns.xml", TestBankFiles.Camt053(entries, statementId: $"R{Seed}").ToArray());
        }

        _faults.Enabled = true;
    }

    private async Task UploadAsync(string name, byte[] content)
    {
        _files.Add((name, content));
        await _blobs.WriteAsync(new BlobRef("bank-files", $"incoming/{name}"), new MemoryStream(content), "application/octet-stream");
        _queues.Add(Ingest, name);
    }

    public void Dispose() => _world.Dispose();
}
