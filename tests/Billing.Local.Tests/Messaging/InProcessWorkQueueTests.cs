using Billing.Local.Messaging;
using Billing.Local.Storage;
using Billing.Local.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Billing.Local.Tests.Messaging;

public sealed class InProcessWorkQueueTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly LocalDatabase _database;
    private readonly InProcessWorkQueue _queue;

    public InProcessWorkQueueTests()
    {
        _database = new LocalDatabase(_dir.Data);
        _queue = new InProcessWorkQueue(_database);
    }

    private sealed class Handler(string queueName, bool fail) : ILocalQueueHandler
    {
        public List<string> Handled { get; } = [];

        public string QueueName => queueName;

        public Task HandleAsync(string messageJson, CancellationToken cancellationToken)
        {
            if (fail)
            {
                throw new InvalidOperationException("broken");
            }

            lock (Handled)
            {
                Handled.Add(messageJson);
            }

            return Task.CompletedTask;
        }
    }

    private async Task PoisonAsync(string queueName, params string[] jsons)
    {
        foreach (var json in jsons)
        {
            _queue.EnqueueJson(queueName, json);
        }

        await new LocalQueueRunner(_queue, [new Handler(queueName, fail: true)], NullLogger<LocalQueueRunner>.Instance).DrainAsync();
    }

    [Fact]
    public async Task ReplayPoison_MovesTheQueuesPoisonBackWithAttemptsReset_SoAFixedHandlerHandlesIt()
    {
        await PoisonAsync("work", "{\"id\":1}", "{\"id\":2}");
        var handler = new Handler("work", fail: false);

        var moved = _queue.ReplayPoison("work");
        var drained = await new LocalQueueRunner(_queue, [handler], NullLogger<LocalQueueRunner>.Instance).DrainAsync();

        Assert.Equal(2, moved);
        Assert.Empty(_queue.PoisonOf("work"));
        Assert.Equal(2, drained.Handled);
        Assert.Equal(0, drained.FailedAttempts);
        Assert.Equal(["{\"id\":1}", "{\"id\":2}"], handler.Handled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplayPoison_LeavesOtherQueuesPoisonAlone()
    {
        await PoisonAsync("work", "{\"id\":1}");
        await PoisonAsync("other", "{\"id\":2}");

        _queue.ReplayPoison("work");

        Assert.Equal(1, _queue.CountOf("work"));
        Assert.Equal(0, _queue.CountOf("other"));
        Assert.Single(_queue.PoisonOf("other"));
    }

    [Fact]
    public void ReplayPoison_NothingPoisoned_MovesNothing()
    {
        Assert.Equal(0, _queue.ReplayPoison("work"));
        Assert.Equal(0, _queue.CountOf("work"));
    }

    [Fact]
    public async Task AllPoison_ListsEveryQueuesPoison_ByQueueThenOldestFirst()
    {
        await PoisonAsync("work", "{\"id\":1}", "{\"id\":2}");
        await PoisonAsync("alpha", "{\"id\":3}");

        var poison = _queue.AllPoison();

        Assert.Equal(["alpha", "work", "work"], poison.Select(p => p.QueueName));
        Assert.Equal(["{\"id\":3}", "{\"id\":1}", "{\"id\":2}"], poison.Select(p => p.Json));
        Assert.All(poison, p => Assert.Contains("broken", p.Error, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _database.Dispose();
        _dir.Dispose();
    }
}
