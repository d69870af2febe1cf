using System.Text.Json;
using Billing.Cli.Tests.Support;
using Billing.Local;
using Billing.Local.Messaging;
using Billing.Local.Storage;

namespace Billing.Cli.Tests.Commands;

public sealed class PoisonCommandTests
{
    /// <summary>A demo folder whose <c>dunning-notice</c> queue got a message no handler can read, poisoned by one <c>billing run</c>.</summary>
    private static async Task<(string Data, CliResult Run)> WithPoisonedMessageAsync()
    {
        var data = await DemoData.CreateAsync();
        using (var database = new LocalDatabase(new LocalDataDirectory(data)))
        {
            new InProcessWorkQueue(database).EnqueueJson("dunning-notice", "{\"broken\":");
        }

        return (data, await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data));
    }

    private static long QueueLength(string data, string queue)
    {
        using var database = new LocalDatabase(new LocalDataDirectory(data));
        return new InProcessWorkQueue(database).CountOf(queue);
    }

    [Fact]
    public async Task List_NothingPoisoned_SaysSo()
    {
        var result = await CliRun.RunAsync("poison", "list", "--data", await ImportedData.CreateAsync());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 poisoned messages", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJson_AfterAMessageFailedFiveTimes_ShowsItWithItsError()
    {
        var (data, run) = await WithPoisonedMessageAsync();

        var result = await CliRun.RunAsync("poison", "list", "--json", "--data", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("poison", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var message = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("dunning-notice", message.GetProperty("queue").GetString());
        Assert.Equal(5, message.GetProperty("dequeueCount").GetInt32());
        Assert.Contains("JsonException", message.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\"broken\":", message.GetProperty("body").GetString());
    }

    [Fact]
    public async Task List_OtherQueue_ShowsNothing()
    {
        var (data, _) = await WithPoisonedMessageAsync();

        var result = await CliRun.RunAsync("poison", "list", "--queue", "bill-account", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 poisoned messages", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MovesThePoisonBackToItsQueue()
    {
        var (data, _) = await WithPoisonedMessageAsync();

        var replay = await CliRun.RunAsync("poison", "replay", "dunning-notice", "--data", data);
        var list = await CliRun.RunAsync("poison", "list", "--data", data);

        Assert.True(replay.ExitCode == 0, replay.Error);
        Assert.Contains("Moved 1 messages back to queue dunning-notice", replay.Out, StringComparison.Ordinal);
        Assert.Contains("0 poisoned messages", list.Out, StringComparison.Ordinal);
        Assert.Equal(1, QueueLength(data, "dunning-notice"));
    }
}
