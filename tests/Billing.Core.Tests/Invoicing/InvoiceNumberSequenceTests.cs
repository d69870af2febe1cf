using Billing.Core.Invoicing;
using Billing.Core.Monetary;
using Billing.Core.Sellers;
using Billing.Core.Storage;
using Billing.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Billing.Core.Tests.Invoicing;

public sealed class InvoiceNumberSequenceTests
{
    private const string Series = "INV-2026";
    private static readonly SellerOptions s_seller = new()
    {
        LegalName = "Nordlicht Software GmbH", VatId = "DE123456789", Street = "Hafenstraße 1", City = "Hamburg", PostalCode = "20457",
        CountryCode = "DE", Email = "billing@nordlicht.example", Iban = "DE89370400440532013000", DomesticVatRate = 19m,
    };

    private readonly InMemoryDocumentStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FinalizeAsync_Twice_KeepsTheFirstNumber()
    {
        await DraftsAsync(1);
        var numbers = Sequence();

        var first = await numbers.FinalizeAsync("acc0", "inv0", Series);
        var again = await numbers.FinalizeAsync("acc0", "inv0", Series);

        Assert.Equal("INV-2026-000001", first.Value.Number);
        Assert.Equal(first.Value.Number, again.Value.Number);
        Assert.Equal(InvoiceStatus.Open, again.Value.Status);
        Assert.Equal(2, (await SeriesAsync()).Next);
    }

    [Fact]
    public async Task FinalizeAsync_OtherDraftsWaiting_OneReservationNumbersThemAll()
    {
        await DraftsAsync(10);
        for (var i = 1; i < 10; i++)
        {
            await RequestAsync(i);
        }

        var seriesWrites = 0;
        _store.BeforeReplace = key =>
        {
            if (key.Container == Containers.Sequences && key.Id == Series)
            {
                Interlocked.Increment(ref seriesWrites);
            }

            return Task.CompletedTask;
        };

        await Sequence().FinalizeAsync("acc0", "inv0", Series);
        var reserved = (await SeriesAsync()).Block;
        for (var i = 1; i < 10; i++)
        {
            await Sequence().FinalizeAsync($"acc{i}", $"inv{i}", Series);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"inv{i}"), reserved.Select(p => p.InvoiceId));
        await AssertGaplessAsync(10);
        Assert.Equal(1, seriesWrites); // the one block of ten
        Assert.Equal(1, _store.Queries); // only the claiming worker reads the waiting requests
    }

    [Fact]
    public async Task FinalizeAsync_ReservedButNeverToldBeforeItsReserverDied_TakesOverAndCompletesThatNumber()
    {
        await DraftsAsync(1);
        await RequestAsync(0);
        await _store.TryCreateAsync(Series, Series, new InvoiceSequence
        {
            Series = Series, Next = 2, Block = [new PendingNumber("acc0", "inv0", 1, "INV-2026-000001")],
        });
        await HeldClaimAsync("dead");

        var numbered = await Sequence().FinalizeAsync("acc0", "inv0", Series);

        Assert.Equal("INV-2026-000001", numbered.Value.Number);
        Assert.Null((await _store.ReadAsync<ReservationClaim>(Series, ReservationClaim.Id))!.Value.Holder);
        await AssertGaplessAsync(1);
    }

    [Fact]
    public async Task FinalizeAsync_ReserverWritesTheNumberOntoItsRequest_CompletesItWithoutReadingTheSeriesAgain()
    {
        await DraftsAsync(1);
        await _store.TryCreateAsync(Series, Series, new InvoiceSequence { Series = Series });
        await HeldClaimAsync("other");
        var seriesReads = 0;
        var requestReads = 0;
        _store.BeforeRead = async key =>
        {
            if (key.Container != Containers.Sequences)
            {
                return;
            }

            if (key.Id == Series)
            {
                seriesReads++;
            }
            else if (key.Id != ReservationClaim.Id && ++requestReads == 2)
            {
                // The claim holder wrote its block (with this draft as number 1) and now tells the owner on its request.
                var series = (await _store.ReadAsync<InvoiceSequence>(Series, Series))!;
                await _store.ReplaceAsync(Series, Series, series.Value with
                {
                    Next = 2, Block = [new PendingNumber("acc0", "inv0", 1, "INV-2026-000001")],
                }, series.ETag);
                var request = (await _store.ReadAsync<NumberRequest>(Series, "inv0"))!;
                await _store.ReplaceAsync(Series, "inv0", request.Value with { Number = "INV-2026-000001" }, request.ETag);
            }
        };

        var numbered = await Sequence().FinalizeAsync("acc0", "inv0", Series);

        Assert.Equal("INV-2026-000001", numbered.Value.Number);
        Assert.Equal(1, seriesReads); // the hook's own read: the waiting worker never read the series
        Assert.Equal(0, _store.Queries);
        await AssertGaplessAsync(1);
    }

    [Fact]
    public async Task FinalizeAsync_ClaimHolderDied_TheClaimIsTakenOverAndEveryDraftNumbered()
    {
        await DraftsAsync(3);
        await RequestAsync(1);
        await RequestAsync(2);
        await HeldClaimAsync("dead");
        var claimReads = 0;
        _store.BeforeRead = key =>
        {
            if (key.Container == Containers.Sequences && key.Id == ReservationClaim.Id)
            {
                Interlocked.Increment(ref claimReads);
            }

            return Task.CompletedTask;
        };

        var first = await Sequence().FinalizeAsync("acc0", "inv0", Series);
        var takenOverAfter = claimReads;
        await Sequence().FinalizeAsync("acc1", "inv1", Series);
        await Sequence().FinalizeAsync("acc2", "inv2", Series);

        Assert.Equal("INV-2026-000001", first.Value.Number);
        Assert.Equal(InvoiceNumberSequence.ClaimStaleAfterReads, takenOverAfter);
        Assert.Null((await _store.ReadAsync<ReservationClaim>(Series, ReservationClaim.Id))!.Value.Holder);
        await AssertGaplessAsync(3);
    }

    [Fact]
    public async Task FinalizeAsync_ClaimTakenOverBeforeItsBlockWrite_EachDraftGetsOneNumber()
    {
        await DraftsAsync(2);
        var seriesReplaces = 0;
        var interleaved = false;
        _store.BeforeReplace = async key =>
        {
            if (key.Container == Containers.Sequences && ++seriesReplaces == 2 && !interleaved)
            {
                // The first worker stalls between its claim and its block; a second one takes the claim over and reserves both drafts.
                interleaved = true;
                await Sequence().FinalizeAsync("acc1", "inv1", Series);
            }
        };

        var first = await Sequence().FinalizeAsync("acc0", "inv0", Series);

        Assert.True(interleaved);
        Assert.Equal("INV-2026-000001", first.Value.Number);
        Assert.Equal("INV-2026-000002", (await InvoiceAsync(1)).Number);
        await AssertGaplessAsync(2);
    }

    [Fact]
    public async Task FinalizeAsync_NumberWrittenByADuplicateWhileWaiting_ReturnsItWithoutReservingAgain()
    {
        await DraftsAsync(1);
        await _store.TryCreateAsync(Series, Series, new InvoiceSequence { Series = Series });
        await HeldClaimAsync("other");
        var requestReads = 0;
        _store.BeforeRead = async key =>
        {
            if (key.Container == Containers.Sequences && key.Id == "inv0" && ++requestReads == 1)
            {
                // Meanwhile a duplicate delivery of the same draft got number 1 and completed it, and a later block dropped it.
                var invoice = (await _store.ReadAsync<Invoice>("acc0", "inv0"))!;
                await _store.ReplaceAsync("acc0", "inv0", invoice.Value.Finalize("INV-2026-000001", _clock.GetUtcNow()), invoice.ETag);
                var request = (await _store.ReadAsync<NumberRequest>(Series, "inv0"))!;
                await _store.ReplaceAsync(Series, "inv0", request.Value with { State = NumberRequestState.Numbered, Number = "INV-2026-000001" }, request.ETag);
                var series = (await _store.ReadAsync<InvoiceSequence>(Series, Series))!;
                await _store.ReplaceAsync(Series, Series, series.Value with { Next = 2, Block = [] }, series.ETag);
            }
        };

        var numbered = await Sequence().FinalizeAsync("acc0", "inv0", Series);

        Assert.Equal("INV-2026-000001", numbered.Value.Number);
        Assert.Equal(0, _store.Queries);
        await AssertGaplessAsync(1);
    }

    [Fact]
    public async Task FinalizeAsync_ConcurrentWorkersAndDuplicateDeliveries_GaplessUniqueOneNumberPerInvoice()
    {
        const int drafts = 300;
        await DraftsAsync(drafts);
        _store.BeforeWrite = async _ => await Task.Yield();
        var numbers = Sequence();
        var work = Enumerable.Range(0, drafts).SelectMany(i => new[] { i, i }).Order().ToArray();

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
            await numbers.FinalizeAsync($"acc{i}", $"inv{i}", Series));

        await AssertGaplessAsync(drafts);
    }

    [Fact]
    public async Task FinalizeAsync_CrashAtEveryWrite_RetriesFinishGaplessWithOneNumberEach()
    {
        var writes = await RunCrashScenarioAsync(crashAt: int.MaxValue);
        Assert.True(writes >= 8, $"the clean run made only {writes} writes");

        for (var crashAt = 1; crashAt <= writes; crashAt++)
        {
            var crashed = await RunCrashScenarioAsync(crashAt);

            Assert.True(crashed >= crashAt, $"crash at write {crashAt} never happened");
        }
    }

    [Fact]
    public async Task FinalizeAsync_NumbersLeftByADeadWorker_AreWrittenByTheReservationsThatCarryThemOver()
    {
        await DraftsAsync(4);
        await RequestAsync(1);
        var crashed = false;
        _store.BeforeWrite = key =>
        {
            if (!crashed && key.Container == Containers.Billing)
            {
                crashed = true;
                throw new IOException("worker died after reserving a block");
            }

            return Task.CompletedTask;
        };
        await Assert.ThrowsAsync<IOException>(() => Sequence().FinalizeAsync("acc0", "inv0", Series));

        var third = await Sequence().FinalizeAsync("acc2", "inv2", Series);
        var fourth = await Sequence().FinalizeAsync("acc3", "inv3", Series);

        Assert.Equal("INV-2026-000003", third.Value.Number);
        Assert.Equal("INV-2026-000004", fourth.Value.Number);
        Assert.Equal("INV-2026-000001", (await InvoiceAsync(0)).Number);
        Assert.Equal("INV-2026-000002", (await InvoiceAsync(1)).Number);
    }

    [Fact]
    public async Task FinalizeAsync_SingleReservationOfThePreviousVersion_IsCompletedFirst()
    {
        await DraftsAsync(2);
        await _store.TryCreateAsync(Series, Series, new InvoiceSequence
        {
            Series = Series, Next = 8, Pending = new PendingNumber("acc0", "inv0", 7, "INV-2026-000007"),
        });

        var second = await Sequence().FinalizeAsync("acc1", "inv1", Series);

        Assert.Equal("INV-2026-000007", (await InvoiceAsync(0)).Number);
        Assert.Equal("INV-2026-000008", second.Value.Number);
        Assert.Null((await SeriesAsync()).Pending);
    }

    [Fact]
    public async Task FinalizeAsync_SeriesAlwaysContended_GivesUpNamingTheSeries()
    {
        await DraftsAsync(1);
        await _store.TryCreateAsync(Series, Series, new InvoiceSequence { Series = Series });
        _store.BeforeReplace = key => key.Container == Containers.Sequences
            ? throw new ConcurrencyConflictException(key)
            : Task.CompletedTask;

        var error = await Assert.ThrowsAsync<ContentionException>(() => Sequence().FinalizeAsync("acc0", "inv0", Series));

        Assert.Equal(DocumentKey.For<InvoiceSequence>(Series, Series), error.Key);
        Assert.Equal(InvoiceNumberSequence.MaxRounds, error.Attempts);
        Assert.Null((await InvoiceAsync(0)).Number);
    }

    /// <summary>Drafts 0..2, drafts 1 and 2 already waiting (their workers asked, then died); the worker of draft 0
    /// numbers, then the redeliveries of 1 and 2. The run crashes at write <paramref name="crashAt"/>; afterwards every
    /// message is delivered again, and a fourth draft is numbered (it finds whatever the crash left behind).
    /// Returns the writes the run made before the crash (all of them when it did not crash).</summary>
    private async Task<int> RunCrashScenarioAsync(int crashAt)
    {
        var store = new InMemoryDocumentStore();
        var numbers = new InvoiceNumberSequence(store, _clock);
        await DraftsAsync(4, store);
        await RequestAsync(1, store);
        await RequestAsync(2, store);
        var writes = 0;
        store.BeforeWrite = _ => ++writes == crashAt ? throw new IOException($"crash at write {crashAt}") : Task.CompletedTask;
        foreach (var i in new[] { 0, 1, 2 })
        {
            try
            {
                await numbers.FinalizeAsync($"acc{i}", $"inv{i}", Series);
            }
            catch (IOException)
            {
                // The worker died; its message is delivered again below.
            }
        }

        var made = writes;
        store.BeforeWrite = null;
        foreach (var i in new[] { 2, 0, 1, 3 })
        {
            await numbers.FinalizeAsync($"acc{i}", $"inv{i}", Series);
        }

        await AssertGaplessAsync(4, store, everyRequestNumbered: false);
        return made;
    }

    private async Task AssertGaplessAsync(int count, InMemoryDocumentStore? store = null, bool everyRequestNumbered = true)
    {
        store ??= _store;
        var invoices = new List<Invoice>();
        await foreach (var invoice in store.QueryAllAsync<Invoice>())
        {
            invoices.Add(invoice.Value);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(n => InvoiceNumberSequence.Format(Series, n)), invoices.Select(i => i.Number).Order(StringComparer.Ordinal));
        Assert.All(invoices, i => Assert.Equal(CreditorReference.Create(i.Number!), i.CreditorReference));
        var sequence = (await store.ReadAsync<InvoiceSequence>(Series, Series))!.Value;
        Assert.Equal(count + 1, sequence.Next);
        Assert.All(sequence.Reserved, p => Assert.Equal(p.FormattedNumber, invoices.Single(i => i.Id == p.InvoiceId).Number));
        await foreach (var request in store.QueryPartitionAsync<NumberRequest>(Series))
        {
            var number = invoices.Single(i => i.Id == request.Value.InvoiceId).Number;
            if (everyRequestNumbered || request.Value.State == NumberRequestState.Numbered)
            {
                Assert.Equal(NumberRequestState.Numbered, request.Value.State);
                Assert.Equal(number, request.Value.Number);
            }
            else
            {
                // Left waiting by a crash after its number was written: still reserved, so a later reservation completes it.
                Assert.Contains(sequence.Reserved, p => p.InvoiceId == request.Value.InvoiceId && p.FormattedNumber == number);
            }
        }
    }

    private InvoiceNumberSequence Sequence() => new(_store, _clock);

    /// <summary>Another worker holds the series' reservation claim (and will never write again, unless the test plays it).</summary>
    private Task HeldClaimAsync(string holder) =>
        _store.TryCreateAsync(Series, ReservationClaim.Id, new ReservationClaim { Series = Series, Holder = holder, ClaimedAt = _clock.GetUtcNow() });

    private async Task<InvoiceSequence> SeriesAsync() => (await _store.ReadAsync<InvoiceSequence>(Series, Series))!.Value;

    private async Task<Invoice> InvoiceAsync(int i) => (await _store.ReadAsync<Invoice>($"acc{i}", $"inv{i}"))!.Value;

    private Task RequestAsync(int i, InMemoryDocumentStore? store = null) =>
        (store ?? _store).TryCreateAsync(Series, $"inv{i}", new NumberRequest
        {
            Series = Series, AccountId = $"acc{i}", InvoiceId = $"inv{i}", RequestedAt = _clock.GetUtcNow().AddSeconds(i),
        });

    private async Task DraftsAsync(int count, InMemoryDocumentStore? store = null)
    {
        for (var i = 0; i < count; i++)
        {
            var account = BillingWorld.Account($"acc{i}");
            var charge = new Charge
            {
                Key = $"c{i}", Date = new DateOnly(2026, 3, 1), Kind = InvoiceLineKind.OneOff, Description = "Service", Quantity = 1m, UnitPrice = Money.Of(100m, "EUR"),
            };
            var draft = InvoiceCalculator.Draft($"inv{i}", account, s_seller, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), [charge]);
            await (store ?? _store).TryCreateAsync(account.Id, draft.Id, draft);
        }
    }
}
