using Billing.Core.Dunning;
using Billing.Core.Invoicing;

namespace Billing.Core.Tests.Dunning;

public sealed class DunningProperties
{
    /// <summary>
    /// Over random sequences of runs (some skipped, some repeated), replayed messages, provider failures, payments and
    /// disputes: no (invoice, stage) is emailed twice, and no invoice that was paid or disputed is ever in an email.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AnySequence_NoNoticeTwiceAndNoPaidOrDisputedInvoiceDunned(int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2026, 3, 1);
        using var s = new DunningScenario(start, o => o.GroupPerAccount = random.Next(2) == 0);
        var invoices = new List<Invoice>();
        for (var a = 0; a < 4; a++)
        {
            await s.AddAccountAsync($"acc{a}");
            for (var i = 0; i < 4; i++)
            {
                invoices.Add(await s.AddInvoiceAsync($"acc{a}", start.AddDays(random.Next(-40, 40))));
            }
        }

        var held = new HashSet<string>(StringComparer.Ordinal);
        var sentNotices = new List<string>();
        var replays = new HashSet<(string Queue, string Json)>();
        for (var day = start; day < start.AddDays(70); day = day.AddDays(1))
        {
            var invoice = invoices[random.Next(invoices.Count)];
            switch (random.Next(6))
            {
                case 0 when !held.Contains(invoice.Id):
                    await s.PayAsync(invoice);
                    held.Add(invoice.Id);
                    break;
                case 1 when !held.Contains(invoice.Id):
                    await s.World.Get<DunningHolds>().DisputeInvoiceAsync(invoice.Number!, "disputed");
                    held.Add(invoice.Id);
                    break;
            }

            s.World.Email.FailWith = random.Next(8) == 0 ? _ => new IOException("provider down") : null;
            foreach (var replay in replays.Where(_ => random.Next(4) == 0).ToList())
            {
                s.World.Queue.Messages.Enqueue(replay);
            }

            if (random.Next(3) > 0)
            {
                s.World.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
                await s.IngestBankFileAsync(day);
                await s.World.Get<DunningScheduler>().ScheduleAsync(day);
                replays.UnionWith(s.World.Queue.Messages);
                var before = s.World.Email.Sent.Count;
                try
                {
                    await s.World.DrainAsync();
                }
                catch (IOException)
                {
                    s.World.Queue.Messages.Clear();
                }

                foreach (var email in s.World.Email.Sent.Skip(before))
                {
                    var ids = email.CustomArgs["noticeIds"].Split(',');
                    sentNotices.AddRange(ids);
                    Assert.DoesNotContain(ids, id => held.Contains(id["notice-".Length..id.LastIndexOf('-')]));
                }
            }
        }

        Assert.Equal(sentNotices.Count, sentNotices.Distinct().Count());
        Assert.Equal(sentNotices.Order(), (await s.NoticesAsync()).Where(n => n.Status == DunningNoticeStatus.Sent).Select(n => n.Id).Order());
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, 40))
        {
            data.Add(seed);
        }

        return data;
    }
}
