using Billing.Core.Storage;
using Billing.Local.Memory;
using Billing.Local.Messaging;

namespace Billing.Local.Tests.Memory;

public sealed class MemoryWorkQueueTests
{
    [Fact]
    public async Task DrainAsync_HandlersEnqueueMore_HandlesEveryMessageOfEveryQueue()
    {
        var queue = new MemoryWorkQueue();
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var first = new Handler("first", async json =>
        {
            seen.Add(json);
            await queue.EnqueueAsync("second", json.Trim('"') + "-next");
        });
        var second = new Handler("second", json =>
        {
            seen.Add(json);
            return Task.CompletedTask;
        });
        for (var i = 0; i < 20; i++)
        {
            await queue.EnqueueAsync("first", $"m{i}");
        }

        var result = await queue.DrainAsync([first, second], workers: 4);

        Assert.Equal(20, result["first"].Handled);
        Assert.Equal(20, result["second"].Handled);
        Assert.Equal(40, seen.Count);
        Assert.Contains("\"m7-next\"", seen);
    }

    [Fact]
    public async Task DrainAsync_HandlerAlwaysFails_PoisonsAfterFiveAttemptsCountingTheFailureByType()
    {
        var queue = new MemoryWorkQueue();
        var attempts = 0;
        var failing = new Handler("work", _ =>
        {
            Interlocked.Increment(ref attempts);
            throw new ContentionException(DocumentKey.For<Core.Invoicing.InvoiceSequence>("INV-2026", "INV-2026"), 64);
        });
        await queue.EnqueueAsync("work", "m");

        var result = await queue.DrainAsync([failing], workers: 3);

        Assert.Equal(MemoryWorkQueue.MaxDequeueCount, attempts);
        Assert.Equal(1, result.Poisoned);
        Assert.Equal(MemoryWorkQueue.MaxDequeueCount, queue.Failures[nameof(ContentionException)]);
        var poisoned = Assert.Single(queue.Poison);
        Assert.Equal("work", poisoned.Queue);
        Assert.StartsWith("ContentionException: ", poisoned.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrainAsync_FailsOnceThenSucceeds_HandledWithoutPoison()
    {
        var queue = new MemoryWorkQueue();
        var attempts = 0;
        var flaky = new Handler("work", _ => Interlocked.Increment(ref attempts) == 1 ? throw new IOException("transient") : Task.CompletedTask);
        await queue.EnqueueAsync("work", "m");

        var result = await queue.DrainAsync([flaky], workers: 2);

        Assert.Equal(1, result["work"].Handled);
        Assert.Equal(1, result.FailedAttempts);
        Assert.Empty(queue.Poison);
    }

    [Fact]
    public async Task DrainAsync_DelayedMessage_IsHandledOnceNothingElseIsLeft()
    {
        var queue = new MemoryWorkQueue();
        var order = new List<string>();
        var handler = new Handler("work", json =>
        {
            lock (order)
            {
                order.Add(json);
            }

            return Task.CompletedTask;
        });
        await queue.EnqueueAsync("work", "later", TimeSpan.FromMinutes(1));
        await queue.EnqueueAsync("work", "now");

        await queue.DrainAsync([handler], workers: 1);

        Assert.Equal(["\"now\"", "\"later\""], order);
    }

    [Fact]
    public async Task DrainAsync_MessageOfAQueueWithoutHandler_StaysAndDoesNotBlock()
    {
        var queue = new MemoryWorkQueue();
        await queue.EnqueueAsync("elsewhere", "m");

        var result = await queue.DrainAsync([new Handler("work", _ => Task.CompletedTask)], workers: 2);

        Assert.Equal(0, result.Handled);
    }

    private sealed class Handler(string queue, Func<string, Task> handle) : ILocalQueueHandler
    {
        public string QueueName => queue;

        public Task HandleAsync(string messageJson, CancellationToken cancellationToken) => handle(messageJson);
    }
}
