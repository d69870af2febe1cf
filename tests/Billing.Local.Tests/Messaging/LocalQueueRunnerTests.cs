using Billing.Local.Messaging;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Billing.Local.Tests.Messaging;

public sealed class LocalQueueRunnerTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly LocalDatabase _database;
    private readonly InProcessWorkQueue _queue;

    public LocalQueueRunnerTests()
    {
        _database = new LocalDatabase(_dir.Data);
        _queue = new InProcessWorkQueue(_database);
    }

    private sealed class ScriptedHandler(string queueName, int failures, Func<string, Task>? then = null) : ILocalQueueHandler
    {
        private int _calls;

        public int Calls => _calls;

        public string QueueName => queueName;

        public async Task HandleAsync(string messageJson, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= failures)
            {
                throw new InvalidOperationException($"boom {_calls}");
            }

            if (then is not null)
            {
                await then(messageJson);
            }
        }
    }

    private LocalQueueRunner Runner(params ILocalQueueHandler[] handlers) => new(_queue, handlers, NullLogger<LocalQueueRunner>.Instance);

    [Fact]
    public async Task DrainAsync_HandlerAlwaysFails_TriesFiveTimesThenMovesToPoisonWithTheError()
    {
        var handler = new ScriptedHandler("work", failures: int.MaxValue);
        await _queue.EnqueueAsync("work", new { id = 1 });

        var result = await Runner(handler).DrainAsync();

        Assert.Equal(InProcessWorkQueue.MaxDequeueCount, handler.Calls);
        Assert.Equal(1, result.Poisoned);
        Assert.Equal(5, result.FailedAttempts);
        Assert.Equal(0, _queue.CountOf("work"));
        var poison = Assert.Single(_queue.PoisonOf("work"));
        Assert.Equal(5, poison.DequeueCount);
        Assert.Contains("boom 5", poison.Error, StringComparison.Ordinal);
        Assert.Equal("{\"id\":1}", poison.Json);
    }

    [Fact]
    public async Task DrainAsync_HandlerFailsTwice_SucceedsOnTheThirdAttempt()
    {
        var handler = new ScriptedHandler("work", failures: 2);
        await _queue.EnqueueAsync("work", new { id = 1 });

        var result = await Runner(handler).DrainAsync();

        Assert.Equal(3, handler.Calls);
        Assert.Equal(1, result.Handled);
        Assert.Empty(_queue.PoisonOf("work"));
        Assert.Equal(0, _queue.CountOf("work"));
    }

    [Fact]
    public async Task DrainAsync_HandlerEnqueuesIntoAnEarlierQueue_DrainsUntilAllQueuesAreEmpty()
    {
        var second = new ScriptedHandler("second", failures: 0, json => json.Contains("again", StringComparison.Ordinal) ? Task.CompletedTask : _queue.EnqueueAsync("first", "again"));
        var first = new ScriptedHandler("first", failures: 0, json => json.Contains("again", StringComparison.Ordinal) ? Task.CompletedTask : _queue.EnqueueAsync("second", "next"));
        await _queue.EnqueueAsync("first", "start");

        var result = await Runner(first, second).DrainAsync();

        Assert.Equal(2, result["first"].Handled);
        Assert.Equal(1, result["second"].Handled);
    }

    [Fact]
    public async Task DrainAsync_QueueWithoutHandler_LeavesItsMessages()
    {
        await _queue.EnqueueAsync("unhandled", "x");

        await Runner(new ScriptedHandler("work", 0)).DrainAsync();

        Assert.Equal(1, _queue.CountOf("unhandled"));
    }

    [Fact]
    public async Task DrainAsync_ManyMessagesConcurrently_HandlesEachExactlyOnce()
    {
        for (var i = 0; i < 200; i++)
        {
            await _queue.EnqueueAsync("work", i);
        }

        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var runner = Runner(new ScriptedHandler("work", 0, json => { seen.Add(json); return Task.CompletedTask; }));
        runner.MaxConcurrency = 4;

        await runner.DrainAsync();

        Assert.Equal(200, seen.Count);
        Assert.Equal(200, seen.Distinct().Count());
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}
