using System.Text.Json;
using Billing.Cli.Tests.Support;

namespace Billing.Cli.Tests.Commands;

public sealed class EventsCommandTests
{
    [Fact]
    public async Task Status_AfterDemo_SaysNothingWaitsAndEveryEventIsInEventsJsonl()
    {
        var data = await DemoData.CreateAsync();

        var status = await CliRun.RunAsync("events", "status", "--json", "--data", data);

        Assert.True(status.ExitCode == 0, status.Error);
        using var json = JsonDocument.Parse(status.Out);
        Assert.Equal(0, json.RootElement.GetProperty("waiting").GetInt32());
        Assert.NotEmpty(File.ReadAllLines(Path.Combine(data, "events.jsonl")));
    }

    [Fact]
    public async Task StatusThenRelay_EventsFileUnwritableDuringTheRun_ShowsWhatWaitsThenRelaysItOnceWritable()
    {
        var data = await DemoData.CreateAsync();
        var events = Path.Combine(data, "events.jsonl");
        var before = File.ReadAllLines(events).Length;
        File.Move(events, events + ".kept");
        Directory.CreateDirectory(events); // every append fails, as a sink that is down

        var run = await CliRun.RunAsync("run", "--at", "2026-03-01", "--data", data);
        var waiting = await CliRun.RunAsync("events", "status", "--data", data);
        var failed = await CliRun.RunAsync("events", "relay", "--data", data);
        Directory.Delete(events);
        File.Move(events + ".kept", events);
        var relay = await CliRun.RunAsync("events", "relay", "--json", "--data", data);
        var after = await CliRun.RunAsync("events", "status", "--data", data);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Matches(@"events: 0 relayed, [1-9]\d* waiting in the outbox; relaying failed", run.Out);
        Assert.Matches(@"^[1-9]\d* events wait in the outbox, the oldest since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ", waiting.Out);
        Assert.Contains("InvoiceIssued: ", waiting.Out, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("billing: error: relaying failed, the events keep waiting in the outbox: ", failed.Error, StringComparison.Ordinal);
        Assert.True(relay.ExitCode == 0, relay.Error);
        using var json = JsonDocument.Parse(relay.Out);
        Assert.Equal(0, json.RootElement.GetProperty("waiting").GetInt32());
        Assert.True(File.ReadAllLines(events).Length > before);
        Assert.StartsWith("No events wait in the outbox", after.Out, StringComparison.Ordinal);
    }
}
